package loopsmith.midi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import loopsmith.music.BarGrid;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.RoleGuesser;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Reads Standard MIDI Files (format 0, 1 and 2, any resolution, SMPTE timing, RIFF RMID wrappers) into a {@link Piece}.
 *
 * <p>Hand-written rather than {@code javax.sound.midi.MidiSystem.getSequence}: the JDK reader throws on the damage
 * real libraries are full of (truncated tracks, wrong chunk lengths, missing End-of-Track, illegal status bytes) and
 * gives no way to keep what was sound, nor to say what was dropped; it also builds a {@code MidiEvent} object per
 * event, which is several times slower than reading notes straight from the bytes. This reader never throws anything
 * but {@link MidiFormatException}, and only when nothing usable is left; every repair becomes a warning.
 */
public final class MidiReader {
    /** Channel 10 (0-based 9) is the General MIDI percussion channel. */
    public static final int DRUM_CHANNEL = 9;
    /** Longer files are still read, with a warning: 10,000 bars is about 5.5 hours at 120 BPM in 4/4. */
    public static final long MAX_SUPPORTED_BARS = 10_000;
    private static final int CHANNELS = 16;
    private static final int PITCHES = 128;
    private static final int HEADER_BYTES = 14;
    private static final int MAX_VLQ_BYTES = 4;

    private MidiReader() {}

    /** Reads a file. Throws {@link MidiFormatException} naming the file when it cannot be read or is not MIDI. */
    public static MidiReadResult read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MidiFormatException(file, "cannot read file: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MidiFormatException(file, "file too large to read", e);
        }
        return read(bytes, file);
    }

    /** Reads MIDI bytes; {@code name} is used in messages only. */
    public static MidiReadResult read(byte[] bytes, Path name) {
        try {
            return new Parse(bytes, name).run();
        } catch (MidiFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // A reader bug must still name the file; the fuzz test keeps this path unused.
            throw new MidiFormatException(name, "unreadable MIDI data (" + e + ")", e);
        }
    }

    /** Everything read from one MTrk chunk. */
    private static final class TrackData {
        String name;
        long endTick;
        final List<Note>[] notesByChannel;
        final int[] programByChannel = new int[CHANNELS];

        @SuppressWarnings("unchecked")
        TrackData() {
            notesByChannel = new List[CHANNELS];
            Arrays.fill(programByChannel, -1);
        }
    }

    /** Why a track's event loop stopped. */
    private enum Stop { END_OF_TRACK, LIMIT, ERROR }

    private static final class Parse {
        private final Path name;
        private byte[] bytes;
        private final List<String> warnings = new ArrayList<>();
        private final List<TempoChange> tempos = new ArrayList<>();
        private final List<TimeSignatureChange> timeSignatures = new ArrayList<>();
        private Key key;
        private boolean keySeen;
        private boolean smpte;
        private int ticksPerQuarter;
        private int format;

        // Per-track state, reset for every MTrk.
        private int pos;
        private long tick;
        private long tickOffset; // format 2: patterns play one after another
        private int trackNumber;
        private int runningStatus;
        private boolean runningStatusCancelled;
        private boolean warnedRunningStatus;
        private final long[] openStart = new long[CHANNELS * PITCHES];
        private final int[] openVelocity = new int[CHANNELS * PITCHES];
        private String stopReason;

        Parse(byte[] bytes, Path name) {
            this.bytes = bytes;
            this.name = name;
        }

        private MidiFormatException reject(String reason) {
            return new MidiFormatException(name, reason);
        }

        private void warn(String message) {
            if (warnings.size() < 100) warnings.add(message);
            else if (warnings.size() == 100) warnings.add("further warnings omitted");
        }

        private int u8(int at) {
            return bytes[at] & 0xFF;
        }

        private int u16(int at) {
            return (u8(at) << 8) | u8(at + 1);
        }

        private long u32(int at) {
            return ((long) u8(at) << 24) | (u8(at + 1) << 16) | (u8(at + 2) << 8) | u8(at + 3);
        }

        private boolean tagAt(int at, String tag) {
            if (at + 4 > bytes.length) return false;
            for (int i = 0; i < 4; i++) if (bytes[at + i] != tag.charAt(i)) return false;
            return true;
        }

        /** A chunk tag is four printable ASCII characters; anything else is garbage, not an unknown chunk. */
        private boolean chunkTagAt(int at) {
            if (at + 8 > bytes.length) return false;
            for (int i = 0; i < 4; i++) {
                int c = u8(at + i);
                if (c < 0x20 || c > 0x7E) return false;
            }
            return true;
        }

        private String tagString(int at) {
            return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
        }

        MidiReadResult run() {
            if (bytes.length == 0) throw reject("empty file (0 bytes)");
            if (tagAt(0, "RIFF")) unwrapRiff();
            if (!tagAt(0, "MThd")) throw reject("not a MIDI file: no MThd header");
            if (bytes.length < HEADER_BYTES) throw reject("truncated header (" + bytes.length + " of 14 bytes)");
            long headerLength = u32(4);
            if (headerLength < 6) throw reject("header length " + headerLength + " is shorter than 6 bytes");
            if (8 + headerLength > bytes.length) throw reject("truncated header (length field says " + headerLength + " bytes)");
            if (headerLength != 6) warn("header length " + headerLength + " instead of 6; extra header bytes skipped");
            format = u16(8);
            int declaredTracks = u16(10);
            readDivision(u16(12));
            if (format > 2) {
                warn("unknown SMF format " + format + ", read as format 1");
                format = 1;
            }

            List<TrackData> tracks = new ArrayList<>();
            int at = (int) (8 + headerLength);
            while (at + 8 <= bytes.length) {
                if (!chunkTagAt(at)) {
                    warn("ignored " + (bytes.length - at) + " bytes of garbage after the last chunk at byte " + at);
                    at = bytes.length;
                    break;
                }
                long length = u32(at + 4);
                int dataStart = at + 8;
                if (!tagAt(at, "MTrk")) {
                    warn("skipped unknown chunk '" + tagString(at) + "' at byte " + at);
                    at = (int) Math.min(bytes.length, dataStart + length);
                    continue;
                }
                trackNumber = tracks.size() + 1;
                long declaredEnd = dataStart + length;
                TrackData track = new TrackData();
                at = readTrack(track, dataStart, declaredEnd);
                tracks.add(track);
                if (format == 2) tickOffset = track.endTick;
            }
            if (at < bytes.length) warn("ignored " + (bytes.length - at) + " trailing bytes after the last chunk");
            if (tracks.isEmpty()) throw reject(declaredTracks == 0 ? "no tracks (header declares 0)" : "no MTrk chunk found");
            if (tracks.size() != declaredTracks)
                warn("header declares " + declaredTracks + " tracks, found " + tracks.size());
            if (format == 2 && tracks.size() > 1)
                warn("format 2: " + tracks.size() + " independent patterns placed one after another");
            Piece piece = buildPiece(tracks);
            return new MidiReadResult(piece, format, !tempos.isEmpty(), warnings);
        }

        private void unwrapRiff() {
            if (bytes.length < 12) throw reject("not a MIDI file: truncated RIFF header");
            String form = tagString(8);
            if (!form.equals("RMID")) throw reject("not a MIDI file: RIFF form type is " + form.trim() + ", not RMID");
            int at = 12;
            while (at + 8 <= bytes.length) {
                long size = (u8(at + 4)) | (u8(at + 5) << 8) | (u8(at + 6) << 16) | ((long) u8(at + 7) << 24);
                if (tagAt(at, "data")) {
                    int end = (int) Math.min(bytes.length, at + 8 + size);
                    bytes = Arrays.copyOfRange(bytes, at + 8, end);
                    return;
                }
                at += 8 + size + (size & 1); // RIFF chunks are padded to even sizes
            }
            throw reject("RIFF RMID file has no 'data' chunk");
        }

        private void readDivision(int division) {
            if ((division & 0x8000) == 0) {
                if (division == 0) throw reject("division (ticks per quarter) is 0, which is invalid");
                ticksPerQuarter = division;
                return;
            }
            // SMPTE: the high byte is minus the frame rate, the low byte ticks per frame. Ticks are then fixed slices
            // of a second; we express them at a constant tempo so they become beats.
            int framesPerSecond = -(byte) (division >> 8);
            int ticksPerFrame = division & 0xFF;
            if (framesPerSecond != 24 && framesPerSecond != 25 && framesPerSecond != 29 && framesPerSecond != 30)
                throw reject("invalid SMPTE division: " + framesPerSecond + " frames per second");
            if (ticksPerFrame == 0) throw reject("invalid SMPTE division: 0 ticks per frame");
            if (framesPerSecond == 29) {
                warn("SMPTE 29.97 fps drop-frame timing approximated as 30 fps");
                framesPerSecond = 30;
            }
            int ticksPerSecond = framesPerSecond * ticksPerFrame;
            smpte = true;
            double bpm = ticksPerSecond % 2 == 0 ? 120 : 60;
            ticksPerQuarter = (int) (ticksPerSecond * 60 / bpm);
            tempos.add(new TempoChange(0, bpm));
            warn("SMPTE timing (" + framesPerSecond + " fps, " + ticksPerFrame + " ticks per frame) converted to "
                    + (int) bpm + " BPM; tempo events ignored");
        }

        /** Reads one MTrk chunk and returns where the next chunk starts. */
        private int readTrack(TrackData track, int dataStart, long declaredEnd) {
            pos = dataStart;
            tick = 0;
            runningStatus = 0;
            runningStatusCancelled = false;
            warnedRunningStatus = false;
            Arrays.fill(openStart, -1);
            long limit = Math.min(declaredEnd, bytes.length);
            if (declaredEnd > bytes.length)
                warn("track " + trackNumber + ": length field says " + (declaredEnd - dataStart) + " bytes, only "
                        + (bytes.length - dataStart) + " remain");

            Stop stop = events(track, (int) limit);
            int next = (int) limit;
            boolean readToEndOfFile = declaredEnd > bytes.length;
            if (stop == Stop.LIMIT && !readToEndOfFile && declaredEnd < bytes.length && !chunkTagAt((int) declaredEnd)) {
                // The length field is too short: the next chunk is not where it says. Read on to the next MTrk.
                int resync = indexOf("MTrk", (int) declaredEnd);
                int newLimit = resync < 0 ? bytes.length : resync;
                warn("track " + trackNumber + ": length field too short; read on to byte " + newLimit);
                stop = events(track, newLimit);
                next = newLimit;
                readToEndOfFile = resync < 0;
            } else if (stop == Stop.END_OF_TRACK && readToEndOfFile) {
                next = pos; // the length field is too long; the next chunk, if any, follows End-of-Track
            }
            if (stop == Stop.LIMIT) {
                if (readToEndOfFile) warn("track " + trackNumber + ": truncated at byte " + bytes.length + " (file ends inside the track)");
                else warn("track " + trackNumber + ": no End-of-Track event; track ended at its chunk end");
            } else if (stop == Stop.ERROR) {
                warn("track " + trackNumber + ": " + stopReason + "; rest of track dropped");
            }
            track.endTick = Math.max(track.endTick, tickOffset + tick);
            closeHangingNotes(track);
            return next;
        }

        private int indexOf(String tag, int from) {
            for (int i = from; i + 4 <= bytes.length; i++) if (tagAt(i, tag)) return i;
            return -1;
        }

        /**
         * The event loop. Stops at End-of-Track, at {@code limit} (pos and tick are then left at the start of the event
         * that did not fit, so a caller can extend the limit and resume), or at damage it cannot step over.
         */
        private Stop events(TrackData track, int limit) {
            while (true) {
                int eventStart = pos;
                long tickBefore = tick;
                if (pos >= limit) return Stop.LIMIT;
                long delta = 0;
                int vlqBytes = 0;
                while (true) {
                    if (pos >= limit) return rewind(eventStart, tickBefore);
                    int b = u8(pos++);
                    delta = (delta << 7) | (b & 0x7F);
                    if (++vlqBytes > MAX_VLQ_BYTES) return error("variable-length delta time longer than 4 bytes at byte " + eventStart);
                    if ((b & 0x80) == 0) break;
                }
                tick += delta;
                if (pos >= limit) return rewind(eventStart, tickBefore);
                int status = u8(pos);
                if (status >= 0x80) {
                    pos++;
                } else {
                    if (runningStatus == 0) return error("running status with no previous status byte at byte " + pos);
                    if (runningStatusCancelled && !warnedRunningStatus) {
                        warn("track " + trackNumber + ": running status continued after a meta or SysEx event");
                        warnedRunningStatus = true;
                    }
                    status = runningStatus;
                }
                if (status == 0xFF) {
                    if (pos >= limit) return rewind(eventStart, tickBefore);
                    int type = u8(pos++);
                    long length = vlq(limit);
                    if (length == -1) return rewind(eventStart, tickBefore);
                    if (length == -2) return error("meta event length longer than 4 bytes at byte " + eventStart);
                    if (pos + length > limit) {
                        if (limit < bytes.length && pos + length <= bytes.length) return rewind(eventStart, tickBefore);
                        return error("meta event at byte " + eventStart + " declares " + length + " bytes, past the end of the track");
                    }
                    meta(track, type, pos, (int) length);
                    pos += (int) length;
                    runningStatusCancelled = true;
                    if (type == 0x2F) {
                        track.endTick = tickOffset + tick;
                        return Stop.END_OF_TRACK;
                    }
                } else if (status == 0xF0 || status == 0xF7) {
                    long length = vlq(limit);
                    if (length == -1) return rewind(eventStart, tickBefore);
                    if (length == -2) return error("SysEx length longer than 4 bytes at byte " + eventStart);
                    if (pos + length > limit) return rewind(eventStart, tickBefore);
                    pos += (int) length;
                    runningStatusCancelled = true;
                } else if (status > 0xF0) {
                    // System common / real-time bytes have no place in a file; step over them and their data bytes.
                    int dataBytes = status == 0xF2 ? 2 : (status == 0xF1 || status == 0xF3) ? 1 : 0;
                    if (pos + dataBytes > limit) return rewind(eventStart, tickBefore);
                    pos += dataBytes;
                    warn("track " + trackNumber + ": skipped illegal status byte 0x" + Integer.toHexString(status).toUpperCase()
                            + " at byte " + eventStart);
                } else {
                    int dataBytes = (status & 0xF0) == 0xC0 || (status & 0xF0) == 0xD0 ? 1 : 2;
                    if (pos + dataBytes > limit) return rewind(eventStart, tickBefore);
                    int d1 = u8(pos);
                    int d2 = dataBytes == 2 ? u8(pos + 1) : 0;
                    if (d1 >= 0x80 || d2 >= 0x80) {
                        int bad = d1 >= 0x80 ? pos : pos + 1;
                        return error("data byte 0x" + Integer.toHexString(u8(bad)).toUpperCase() + " out of range at byte " + bad);
                    }
                    pos += dataBytes;
                    runningStatus = status;
                    runningStatusCancelled = false;
                    channelMessage(track, status, d1, d2);
                }
            }
        }

        private Stop rewind(int eventStart, long tickBefore) {
            pos = eventStart;
            tick = tickBefore;
            return Stop.LIMIT;
        }

        private Stop error(String reason) {
            stopReason = reason;
            return Stop.ERROR;
        }

        /** A variable-length quantity at pos; -1 when it runs past the limit, -2 when longer than 4 bytes. */
        private long vlq(int limit) {
            long value = 0;
            for (int i = 0; i < MAX_VLQ_BYTES; i++) {
                if (pos >= limit) return -1;
                int b = u8(pos++);
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) return value;
            }
            return -2;
        }

        private void channelMessage(TrackData track, int status, int d1, int d2) {
            int channel = status & 0x0F;
            switch (status & 0xF0) {
                case 0x90 -> {
                    if (d2 == 0) noteOff(track, channel, d1);
                    else noteOn(track, channel, d1, d2);
                }
                case 0x80 -> noteOff(track, channel, d1);
                case 0xC0 -> {
                    if (track.programByChannel[channel] < 0) track.programByChannel[channel] = d1;
                }
                default -> { } // controllers, pitch bend, aftertouch: not part of the note model
            }
        }

        private void noteOn(TrackData track, int channel, int pitch, int velocity) {
            int slot = channel * PITCHES + pitch;
            // A second note-on of a sounding pitch re-strikes it: the first note ends here.
            if (openStart[slot] >= 0) noteOff(track, channel, pitch);
            openStart[slot] = tickOffset + tick;
            openVelocity[slot] = velocity;
        }

        private void noteOff(TrackData track, int channel, int pitch) {
            int slot = channel * PITCHES + pitch;
            long start = openStart[slot];
            if (start < 0) return; // a note-off without a note-on changes nothing
            addNote(track, channel, new Note(pitch, openVelocity[slot], start, tickOffset + tick - start));
            openStart[slot] = -1;
        }

        private static void addNote(TrackData track, int channel, Note note) {
            List<Note> list = track.notesByChannel[channel];
            if (list == null) track.notesByChannel[channel] = list = new ArrayList<>();
            list.add(note);
        }

        private void closeHangingNotes(TrackData track) {
            int hanging = 0;
            for (int slot = 0; slot < openStart.length; slot++) {
                if (openStart[slot] < 0) continue;
                long start = openStart[slot];
                addNote(track, slot / PITCHES, new Note(slot % PITCHES, openVelocity[slot], start, Math.max(0, track.endTick - start)));
                openStart[slot] = -1;
                hanging++;
            }
            if (hanging > 0)
                warn("track " + trackNumber + ": " + hanging + " note" + (hanging == 1 ? "" : "s")
                        + " never released; closed at the end of the track");
        }

        private void meta(TrackData track, int type, int at, int length) {
            long absolute = tickOffset + tick;
            switch (type) {
                case 0x03 -> {
                    if (track.name == null && length > 0) track.name = new String(bytes, at, length, StandardCharsets.UTF_8).trim();
                }
                case 0x51 -> {
                    if (length < 3 || smpte) return;
                    long micros = ((long) u8(at) << 16) | (u8(at + 1) << 8) | u8(at + 2);
                    if (micros == 0) {
                        warn("track " + trackNumber + ": tempo of 0 microseconds per quarter ignored");
                        return;
                    }
                    double bpm = 60_000_000.0 / micros;
                    if (bpm < TempoChange.MIN_BPM || bpm > TempoChange.MAX_BPM) {
                        double clamped = Math.max(TempoChange.MIN_BPM, Math.min(TempoChange.MAX_BPM, bpm));
                        warn(String.format(java.util.Locale.ROOT, "track %d: tempo %.2f BPM outside %.0f..%.0f, clamped to %.0f",
                                trackNumber, bpm, TempoChange.MIN_BPM, TempoChange.MAX_BPM, clamped));
                        bpm = clamped;
                    }
                    tempos.add(new TempoChange(absolute, bpm));
                }
                case 0x58 -> {
                    if (length < 2) return;
                    int numerator = u8(at);
                    int exponent = u8(at + 1);
                    if (numerator < 1 || numerator > TimeSignature.MAX_NUMERATOR || exponent > 6) {
                        warn("track " + trackNumber + ": invalid time signature " + numerator + "/2^" + exponent + " ignored");
                        return;
                    }
                    timeSignatures.add(new TimeSignatureChange(absolute, new TimeSignature(numerator, 1 << exponent)));
                }
                case 0x59 -> {
                    if (length < 2 || keySeen) return;
                    int sharps = bytes[at];
                    int mode = u8(at + 1);
                    Optional<Key> k = mode > 1 ? Optional.empty() : Key.fromKeySignature(sharps, mode == 1);
                    if (k.isEmpty()) {
                        warn("track " + trackNumber + ": invalid key signature (" + sharps + " sharps, mode " + mode + ") ignored");
                        return;
                    }
                    key = k.get();
                    keySeen = true;
                }
                default -> { } // text, markers, SMPTE offset, sequencer-specific: not needed
            }
        }

        private Piece buildPiece(List<TrackData> data) {
            int[] fallbackProgram = new int[CHANNELS];
            Arrays.fill(fallbackProgram, -1);
            for (TrackData t : data)
                for (int c = 0; c < CHANNELS; c++)
                    if (fallbackProgram[c] < 0) fallbackProgram[c] = t.programByChannel[c];

            List<Track> tracks = new ArrayList<>();
            long endTick = 0;
            long endOfTracks = 0;
            for (int i = 0; i < data.size(); i++) {
                TrackData t = data.get(i);
                endOfTracks = Math.max(endOfTracks, t.endTick);
                int channelsWithNotes = 0;
                for (List<Note> notes : t.notesByChannel) if (notes != null) channelsWithNotes++;
                for (int c = 0; c < CHANNELS; c++) {
                    List<Note> notes = t.notesByChannel[c];
                    if (notes == null) continue;
                    boolean drum = c == DRUM_CHANNEL;
                    int program = t.programByChannel[c] >= 0 ? t.programByChannel[c] : Math.max(0, fallbackProgram[c]);
                    String base = t.name != null && !t.name.isEmpty() ? t.name : "Track " + (i + 1);
                    String trackName = channelsWithNotes > 1 ? base + " ch" + (c + 1) : base;
                    // A piece lasts at least until its last note has started, even a zero-length one.
                    for (Note n : notes) endTick = Math.max(endTick, Math.max(n.endTick(), n.startTick() + 1));
                    // A track name describes its whole MTrk; when the MTrk holds several channels it names none of them.
                    String roleHint = channelsWithNotes > 1 ? null : trackName;
                    tracks.add(new Track(trackName, RoleGuesser.guess(roleHint, program, drum, notes, ticksPerQuarter),
                            program, drum, notes));
                }
            }
            Piece piece = new Piece(ticksPerQuarter, tempos, timeSignatures, Optional.ofNullable(key), tracks, endTick);
            BarGrid grid = piece.barGrid();
            if (endOfTracks > endTick) {
                // End-of-Track sets the loop length: a clip's trailing silence counts, in whole bars. A DAW writes it on
                // the loop's last bar line, or a tick or two past it; a recording that stopped part-way into the bar
                // after its last note (the Groove fills stop most of a beat into it) has no silent bar, only a player
                // who stopped, and read as one it made every such one-bar fill two bars, the second empty.
                long barLine = grid.barStartTick(grid.barAt(endOfTracks));
                piece = piece.withEndTick(Math.max(endTick, barLine));
            }
            long bars = grid.barsCovering(piece.endTick());
            if (bars > MAX_SUPPORTED_BARS) warn("length of " + bars + " bars is beyond the supported " + MAX_SUPPORTED_BARS + " bars");
            if (piece.noteCount() == 0) warn("no note events");
            return piece;
        }
    }
}
