package loopsmith.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import loopsmith.music.AtomicFiles;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Writes a {@link Piece} as a type-1 Standard MIDI File: a conductor track (tempo map, time signatures, key signature),
 * then one named track per part with its GM program change, drums on channel 10. Every track ends exactly at the bar
 * line at or after the piece's end, and notes ringing past it are cut there, so a clip loops cleanly in Live.
 *
 * <p>Hand-written (about as long as the {@code javax.sound.midi} glue would be) so that the byte layout is ours to
 * decide: note-offs before note-ons at the same tick, overlapping same-pitch notes cut so that every reader agrees on
 * their lengths, and End-of-Track at a chosen tick rather than at the last event.
 */
public final class MidiWriter {
    private static final int CONDUCTOR_CC = 24; // MIDI clocks per metronome click, the usual value
    private static final int THIRTY_SECONDS_PER_QUARTER = 8;
    private static final long MAX_VLQ = 0x0FFFFFFF; // the largest 4-byte variable-length quantity

    private MidiWriter() {}

    /** Writes atomically: a temp file beside the target is written, flushed to disk and renamed over it. */
    public static void write(Piece piece, Path file) {
        AtomicFiles.write(file, "MIDI file", toBytes(piece));
    }

    /** The tick where every track of the written file ends: the first bar line at or after the piece's end. */
    public static long loopEndTick(Piece piece) {
        return piece.barGrid().barLineAtOrAfter(piece.endTick());
    }

    public static byte[] toBytes(Piece piece) {
        long end = loopEndTick(piece);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        writeAscii(out, "MThd");
        writeInt(out, 6);
        writeShort(out, 1);
        writeShort(out, piece.tracks().size() + 1);
        writeShort(out, piece.ticksPerQuarter());
        chunk(out, conductor(piece, end));
        int nextChannel = 0;
        for (Track t : piece.tracks()) {
            int channel;
            if (t.isDrum()) {
                channel = MidiReader.DRUM_CHANNEL;
            } else {
                channel = nextChannel;
                nextChannel = (nextChannel + 1) % 16;
                if (nextChannel == MidiReader.DRUM_CHANNEL) nextChannel++;
            }
            chunk(out, noteTrack(t, channel, end));
        }
        return out.toByteArray();
    }

    private record Event(long tick, int order, byte[] data) { }

    private static byte[] conductor(Piece piece, long end) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, 0, meta(0x03, "Conductor".getBytes(StandardCharsets.US_ASCII))));
        for (TimeSignatureChange ts : piece.timeSignatures()) {
            if (ts.tick() >= end && ts.tick() > 0) continue;
            int exponent = Integer.numberOfTrailingZeros(ts.timeSignature().denominator());
            events.add(new Event(ts.tick(), 1, meta(0x58, new byte[] {
                (byte) ts.timeSignature().numerator(), (byte) exponent, CONDUCTOR_CC, THIRTY_SECONDS_PER_QUARTER})));
        }
        piece.key().ifPresent(k -> events.add(new Event(0, 2, meta(0x59,
                new byte[] {(byte) k.sharps(), (byte) (k.mode() == loopsmith.music.Mode.MINOR ? 1 : 0)}))));
        for (TempoChange t : piece.tempos()) {
            if (t.tick() >= end && t.tick() > 0) continue;
            long us = Math.min(0xFFFFFF, t.microsPerQuarter());
            events.add(new Event(t.tick(), 3, meta(0x51, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us})));
        }
        return encode(events, end);
    }

    private static byte[] noteTrack(Track track, int channel, long end) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, 0, meta(0x03, track.name().getBytes(StandardCharsets.UTF_8))));
        events.add(new Event(0, 1, new byte[] {(byte) (0xC0 | channel), (byte) track.program()}));
        List<Note> notes = track.notes();
        // Latest start per pitch seen so far, walking backwards: a note is cut where the next note of its pitch begins.
        long[] nextStart = new long[128];
        java.util.Arrays.fill(nextStart, Long.MAX_VALUE);
        for (int i = notes.size() - 1; i >= 0; i--) {
            Note n = notes.get(i);
            if (n.startTick() >= end) continue;
            long stop = Math.min(Math.min(n.endTick(), end), nextStart[n.pitch()]);
            if (stop <= n.startTick()) stop = Math.min(n.startTick() + 1, end); // zero-length notes get one tick
            if (stop <= n.startTick()) continue; // a same-tick duplicate of a note already written
            nextStart[n.pitch()] = n.startTick();
            events.add(new Event(n.startTick(), 3, new byte[] {(byte) (0x90 | channel), (byte) n.pitch(), (byte) n.velocity()}));
            events.add(new Event(stop, 2, new byte[] {(byte) (0x80 | channel), (byte) n.pitch(), 64}));
        }
        return encode(events, end);
    }

    private static byte[] encode(List<Event> events, long end) {
        events.sort(Comparator.comparingLong(Event::tick).thenComparingInt(Event::order));
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 4 + 16);
        long last = 0;
        for (Event e : events) {
            writeDelta(out, e.tick() - last);
            out.writeBytes(e.data());
            last = e.tick();
        }
        writeDelta(out, Math.max(0, end - last));
        out.writeBytes(new byte[] {(byte) 0xFF, 0x2F, 0});
        return out.toByteArray();
    }

    private static byte[] meta(int type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 6);
        out.write(0xFF);
        out.write(type);
        writeVlq(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, byte[] trackData) {
        writeAscii(out, "MTrk");
        writeInt(out, trackData.length);
        out.writeBytes(trackData);
    }

    /** A delta time; gaps longer than a VLQ can hold are bridged with empty text events, which players ignore. */
    private static void writeDelta(ByteArrayOutputStream out, long delta) {
        while (delta > MAX_VLQ) {
            writeVlq(out, MAX_VLQ);
            out.writeBytes(new byte[] {(byte) 0xFF, 0x01, 0});
            delta -= MAX_VLQ;
        }
        writeVlq(out, delta);
    }

    static void writeVlq(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > MAX_VLQ) throw new IllegalArgumentException("delta time out of MIDI range: " + value);
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) shift -= 7;
        for (; shift > 0; shift -= 7) out.write((int) (0x80 | ((value >> shift) & 0x7F)));
        out.write((int) (value & 0x7F));
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
