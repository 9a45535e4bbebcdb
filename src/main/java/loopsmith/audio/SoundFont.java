package loopsmith.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import loopsmith.music.LoopsmithException;

/**
 * A SoundFont 2 file (SF2 2.04): presets → instruments → samples, each level a list of zones of generators. The file
 * is memory-mapped and only its preset data is parsed up front; a sample is converted to floats the first time a
 * voice plays it, so opening the 141 MB FluidR3_GM takes milliseconds and a render touches only the samples it needs.
 *
 * <p>Hand-written rather than Java's reader ({@code MidiSystem.getSoundbank}, Gervill's): that one reads the whole file
 * into memory first (0.4–0.9 s for FluidR3_GM here) and hands back instruments only Gervill's synthesizer can play.
 */
public final class SoundFont {
    // Generator operators, SF2 2.04 section 8.1.2; the names are the spec's.
    static final int START_ADDRS_OFFSET = 0, END_ADDRS_OFFSET = 1, STARTLOOP_ADDRS_OFFSET = 2, ENDLOOP_ADDRS_OFFSET = 3,
            START_ADDRS_COARSE_OFFSET = 4, MOD_LFO_TO_PITCH = 5, VIB_LFO_TO_PITCH = 6, MOD_ENV_TO_PITCH = 7,
            INITIAL_FILTER_FC = 8, INITIAL_FILTER_Q = 9, MOD_LFO_TO_FILTER_FC = 10, MOD_ENV_TO_FILTER_FC = 11,
            END_ADDRS_COARSE_OFFSET = 12, MOD_LFO_TO_VOLUME = 13, PAN = 17, DELAY_MOD_LFO = 21, FREQ_MOD_LFO = 22,
            DELAY_VIB_LFO = 23, FREQ_VIB_LFO = 24, DELAY_MOD_ENV = 25, ATTACK_MOD_ENV = 26, HOLD_MOD_ENV = 27,
            DECAY_MOD_ENV = 28, SUSTAIN_MOD_ENV = 29, RELEASE_MOD_ENV = 30, KEYNUM_TO_MOD_ENV_HOLD = 31,
            KEYNUM_TO_MOD_ENV_DECAY = 32, DELAY_VOL_ENV = 33, ATTACK_VOL_ENV = 34, HOLD_VOL_ENV = 35, DECAY_VOL_ENV = 36,
            SUSTAIN_VOL_ENV = 37, RELEASE_VOL_ENV = 38, KEYNUM_TO_VOL_ENV_HOLD = 39, KEYNUM_TO_VOL_ENV_DECAY = 40,
            INSTRUMENT = 41, KEY_RANGE = 43, VEL_RANGE = 44, STARTLOOP_ADDRS_COARSE_OFFSET = 45, KEYNUM = 46,
            VELOCITY = 47, INITIAL_ATTENUATION = 48, ENDLOOP_ADDRS_COARSE_OFFSET = 50, COARSE_TUNE = 51, FINE_TUNE = 52,
            SAMPLE_ID = 53, SAMPLE_MODES = 54, SCALE_TUNING = 56, EXCLUSIVE_CLASS = 57, OVERRIDING_ROOT_KEY = 58;
    static final int GENERATORS = 61;

    /** Generators a preset zone may not set (spec 8.5): they describe the sample, which only instruments choose. */
    private static final int[] INSTRUMENT_ONLY = {START_ADDRS_OFFSET, END_ADDRS_OFFSET, STARTLOOP_ADDRS_OFFSET,
            ENDLOOP_ADDRS_OFFSET, START_ADDRS_COARSE_OFFSET, END_ADDRS_COARSE_OFFSET, STARTLOOP_ADDRS_COARSE_OFFSET,
            KEYNUM, VELOCITY, ENDLOOP_ADDRS_COARSE_OFFSET, SAMPLE_MODES, EXCLUSIVE_CLASS, OVERRIDING_ROOT_KEY};

    /** Instrument-level defaults (spec 8.1.3): envelopes and LFO delays at -12000 timecents (1 ms), filter open. */
    static int[] defaultGenerators() {
        int[] g = new int[GENERATORS];
        for (int op : new int[] {DELAY_MOD_LFO, DELAY_VIB_LFO, DELAY_MOD_ENV, ATTACK_MOD_ENV, HOLD_MOD_ENV, DECAY_MOD_ENV,
                RELEASE_MOD_ENV, DELAY_VOL_ENV, ATTACK_VOL_ENV, HOLD_VOL_ENV, DECAY_VOL_ENV, RELEASE_VOL_ENV}) g[op] = -12000;
        g[INITIAL_FILTER_FC] = 13500;
        g[SCALE_TUNING] = 100;
        g[KEY_RANGE] = 127 << 8;
        g[VEL_RANGE] = 127 << 8;
        g[KEYNUM] = -1;
        g[VELOCITY] = -1;
        g[OVERRIDING_ROOT_KEY] = -1;
        return g;
    }

    /** One sample header; positions are in sample points from the start of the smpl chunk. */
    record Sample(String name, int start, int end, int loopStart, int loopEnd, int sampleRateHz, int originalPitch, int pitchCorrectionCents) {}

    /** A zone: which keys and velocities it answers, its generators (only those set) and what it points to (-1: global). */
    record Zone(int keyLo, int keyHi, int velLo, int velHi, Map<Integer, Integer> generators, int target) {
        boolean answers(int key, int velocity) {
            return key >= keyLo && key <= keyHi && velocity >= velLo && velocity <= velHi;
        }
    }

    /** Zones of one preset or instrument, the global zone (if any) kept apart. */
    record ZoneList(String name, Map<Integer, Integer> global, List<Zone> zones) {}

    /** One generator set ready for a voice: the sample to play and all 61 generator values for this key and velocity. */
    record Layer(Sample sample, int sampleIndex, int[] generators) {}

    private final Path file;
    private final ByteBuffer sampleData; // the smpl chunk, 16-bit little-endian
    private final Map<Integer, ZoneList> presets; // (bank << 7) | program
    private final List<ZoneList> instruments;
    private final List<Sample> samples;
    private final Map<Integer, float[]> floats = new ConcurrentHashMap<>();

    private SoundFont(Path file, ByteBuffer sampleData, Map<Integer, ZoneList> presets, List<ZoneList> instruments, List<Sample> samples) {
        this.file = file;
        this.sampleData = sampleData;
        this.presets = presets;
        this.instruments = instruments;
        this.samples = samples;
    }

    public Path file() {
        return file;
    }

    /** Opens an SF2 file; anything that is not one is a {@link LoopsmithException} naming the file and the reason. */
    public static SoundFont open(Path file) {
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "SoundFont not found");
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read SoundFont: " + e.getMessage(), e);
        }
        try {
            return parse(file, map.order(ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException e) {
            if (e instanceof LoopsmithException) throw e;
            throw new LoopsmithException(file, "not a SoundFont: damaged or truncated (" + e + ")", e);
        }
    }

    private static SoundFont parse(Path file, ByteBuffer b) {
        if (b.limit() < 12 || !fourCc(b, 0).equals("RIFF") || !fourCc(b, 8).equals("sfbk"))
            throw new LoopsmithException(file, "not a SoundFont (no RIFF sfbk header; SF3 and DLS are not supported)");
        Map<String, ByteBuffer> chunks = new HashMap<>();
        int end = (int) Math.min(b.limit(), 8 + Integer.toUnsignedLong(b.getInt(4)));
        for (int pos = 12; pos + 8 <= end; ) {
            String id = fourCc(b, pos);
            int size = b.getInt(pos + 4);
            if (size < 0 || pos + 8 + (long) size > b.limit()) throw new LoopsmithException(file, "not a SoundFont: chunk " + id + " runs past the end of the file");
            if (id.equals("LIST")) {
                for (int p = pos + 12; p + 8 <= pos + 8 + size; ) {
                    String sub = fourCc(b, p);
                    int subSize = b.getInt(p + 4);
                    if (subSize < 0 || p + 8 + (long) subSize > pos + 8 + size) throw new LoopsmithException(file, "not a SoundFont: chunk " + sub + " is damaged");
                    chunks.put(sub, b.slice(p + 8, subSize).order(ByteOrder.LITTLE_ENDIAN));
                    p += 8 + subSize + (subSize & 1);
                }
            }
            pos += 8 + size + (size & 1);
        }
        for (String need : List.of("smpl", "phdr", "pbag", "pgen", "inst", "ibag", "igen", "shdr"))
            if (!chunks.containsKey(need)) throw new LoopsmithException(file, "not a SoundFont: no " + need + " chunk");
        List<Sample> samples = new ArrayList<>();
        ByteBuffer shdr = chunks.get("shdr");
        for (int i = 0; i + 46 <= shdr.limit() - 46; i += 46) // the last header is the terminal EOS record
            samples.add(new Sample(name(shdr, i), shdr.getInt(i + 20), shdr.getInt(i + 24), shdr.getInt(i + 28), shdr.getInt(i + 32),
                    shdr.getInt(i + 36), shdr.get(i + 40) & 0xFF, shdr.get(i + 41)));
        List<ZoneList> instruments = zoneLists(chunks.get("inst"), 22, 20, chunks.get("ibag"), chunks.get("igen"), SAMPLE_ID);
        List<ZoneList> presetList = zoneLists(chunks.get("phdr"), 38, 24, chunks.get("pbag"), chunks.get("pgen"), INSTRUMENT);
        ByteBuffer phdr = chunks.get("phdr");
        Map<Integer, ZoneList> presets = new HashMap<>();
        for (int i = 0; i < presetList.size(); i++) {
            int program = phdr.getShort(i * 38 + 20) & 0xFFFF, bank = phdr.getShort(i * 38 + 22) & 0xFFFF;
            presets.putIfAbsent((bank << 7) | (program & 0x7F), presetList.get(i));
        }
        return new SoundFont(file, chunks.get("smpl"), presets, instruments, samples);
    }

    /** Headers of {@code headerSize} bytes with their bag index at {@code bagOffset}, each header's zones read from its bags. */
    private static List<ZoneList> zoneLists(ByteBuffer headers, int headerSize, int bagOffset, ByteBuffer bags, ByteBuffer gens, int terminal) {
        List<ZoneList> out = new ArrayList<>();
        int count = headers.limit() / headerSize - 1; // the last is the terminal record
        for (int h = 0; h < count; h++) {
            int bagFrom = headers.getShort(h * headerSize + bagOffset) & 0xFFFF;
            int bagTo = headers.getShort((h + 1) * headerSize + bagOffset) & 0xFFFF;
            Map<Integer, Integer> global = Map.of();
            List<Zone> zones = new ArrayList<>();
            for (int bag = bagFrom; bag < bagTo && (bag + 1) * 4 + 2 <= bags.limit(); bag++) {
                int genFrom = bags.getShort(bag * 4) & 0xFFFF;
                int genTo = bags.getShort((bag + 1) * 4) & 0xFFFF; // bags end with a terminal record, so bag + 1 exists
                Map<Integer, Integer> g = new HashMap<>();
                for (int k = genFrom; k < genTo && k * 4 + 4 <= gens.limit(); k++) {
                    int op = gens.getShort(k * 4) & 0xFFFF;
                    if (op < GENERATORS) g.put(op, op == KEY_RANGE || op == VEL_RANGE ? gens.getShort(k * 4 + 2) & 0xFFFF : (int) gens.getShort(k * 4 + 2));
                }
                if (!g.containsKey(terminal)) {
                    if (bag == bagFrom) global = g; // a first zone without a target is the global zone; later ones are ignored (spec 7.3)
                    continue;
                }
                int keys = g.getOrDefault(KEY_RANGE, global.getOrDefault(KEY_RANGE, 127 << 8));
                int vels = g.getOrDefault(VEL_RANGE, global.getOrDefault(VEL_RANGE, 127 << 8));
                zones.add(new Zone(keys & 0xFF, keys >> 8, vels & 0xFF, vels >> 8, g, g.get(terminal) & 0xFFFF));
            }
            out.add(new ZoneList(name(headers, h * headerSize), global, zones));
        }
        return out;
    }

    /** Whether the font has this bank and program. */
    public boolean hasPreset(int bank, int program) {
        return presets.containsKey((bank << 7) | program);
    }

    /**
     * The layers that sound for a key and velocity of a preset: every instrument zone answering them inside every preset
     * zone answering them, instrument values (global zone, then local) plus the preset's (global, then local) offsets.
     */
    List<Layer> layers(int bank, int program, int key, int velocity) {
        ZoneList preset = presets.get((bank << 7) | program);
        if (preset == null) return List.of();
        List<Layer> out = new ArrayList<>();
        for (Zone pz : preset.zones()) {
            if (!pz.answers(key, velocity) || pz.target() >= instruments.size()) continue;
            ZoneList inst = instruments.get(pz.target());
            for (Zone iz : inst.zones()) {
                if (!iz.answers(key, velocity) || iz.target() >= samples.size()) continue;
                int[] g = defaultGenerators();
                inst.global().forEach((op, v) -> g[op] = v);
                iz.generators().forEach((op, v) -> g[op] = v);
                int[] offsets = new int[GENERATORS];
                preset.global().forEach((op, v) -> offsets[op] = v);
                pz.generators().forEach((op, v) -> offsets[op] = v);
                for (int op : INSTRUMENT_ONLY) offsets[op] = 0;
                offsets[KEY_RANGE] = offsets[VEL_RANGE] = offsets[INSTRUMENT] = offsets[SAMPLE_ID] = 0;
                for (int op = 0; op < GENERATORS; op++) g[op] += offsets[op];
                out.add(new Layer(samples.get(iz.target()), iz.target(), g));
            }
        }
        return out;
    }

    /** A sample's points as floats in [-1, 1), converted once and shared by every voice that plays it. */
    float[] samplePoints(int index) {
        return floats.computeIfAbsent(index, i -> {
            Sample s = samples.get(i);
            int limit = sampleData.limit() / 2;
            int from = Math.max(0, Math.min(s.start(), limit)), to = Math.max(from, Math.min(s.end(), limit));
            float[] f = new float[to - from];
            for (int k = 0; k < f.length; k++) f[k] = sampleData.getShort(2 * (from + k)) / 32768f;
            return f;
        });
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static String name(ByteBuffer b, int at) {
        byte[] raw = new byte[20];
        b.get(at, raw);
        int n = 0;
        while (n < raw.length && raw[n] != 0) n++;
        return new String(raw, 0, n, StandardCharsets.US_ASCII).trim();
    }
}
