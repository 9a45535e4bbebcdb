package loopsmith.midi;

import java.io.ByteArrayOutputStream;

/** Builds Standard MIDI File bytes by hand for edge-case tests: what real writers do, mistakes included. */
final class Smf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Smf header(int format, int tracks, int division) {
        Smf s = new Smf();
        s.ascii("MThd").int32(6).int16(format).int16(tracks).int16(division);
        return s;
    }

    Smf ascii(String tag) {
        out.writeBytes(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return this;
    }

    Smf int32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    Smf int16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** An MTrk chunk with the given event bytes and a correct length field. */
    Smf track(Events events) {
        byte[] data = events.bytes();
        ascii("MTrk").int32(data.length);
        out.writeBytes(data);
        return this;
    }

    Smf raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Event bytes of one track. */
    static final class Events {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Events delta(long ticks) {
            int shift = 21;
            while (shift > 0 && (ticks >> shift) == 0) shift -= 7;
            for (; shift > 0; shift -= 7) out.write((int) (0x80 | ((ticks >> shift) & 0x7F)));
            out.write((int) (ticks & 0x7F));
            return this;
        }

        Events raw(int... bytes) {
            for (int b : bytes) out.write(b);
            return this;
        }

        Events on(long delta, int channel, int pitch, int velocity) {
            return delta(delta).raw(0x90 | channel, pitch, velocity);
        }

        Events off(long delta, int channel, int pitch) {
            return delta(delta).raw(0x80 | channel, pitch, 64);
        }

        Events program(long delta, int channel, int program) {
            return delta(delta).raw(0xC0 | channel, program);
        }

        Events tempo(long delta, int microsPerQuarter) {
            return delta(delta).raw(0xFF, 0x51, 3, microsPerQuarter >> 16 & 0xFF, microsPerQuarter >> 8 & 0xFF, microsPerQuarter & 0xFF);
        }

        Events timeSignature(long delta, int numerator, int denominatorExponent) {
            return delta(delta).raw(0xFF, 0x58, 4, numerator, denominatorExponent, 24, 8);
        }

        Events keySignature(long delta, int sharps, int minor) {
            return delta(delta).raw(0xFF, 0x59, 2, sharps & 0xFF, minor);
        }

        Events name(String name) {
            byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            delta(0).raw(0xFF, 0x03, b.length);
            out.writeBytes(b);
            return this;
        }

        Events end(long delta) {
            return delta(delta).raw(0xFF, 0x2F, 0);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static Events events() {
        return new Events();
    }
}
