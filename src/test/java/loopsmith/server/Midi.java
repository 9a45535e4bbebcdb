package loopsmith.server;

import java.io.ByteArrayOutputStream;

/** The smallest useful Standard MIDI File, byte by byte: one track, one bar of quarter-note C4s, for upload tests. */
final class Midi {
    private Midi() {}

    static byte[] oneBar() {
        ByteArrayOutputStream track = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            track.writeBytes(new byte[] {0x00, (byte) 0x90, 60, 100});              // delta 0, note on C4
            track.writeBytes(new byte[] {(byte) 0x83, 0x60, (byte) 0x80, 60, 0});  // delta 480, note off
        }
        track.writeBytes(new byte[] {0x00, (byte) 0xFF, 0x2F, 0x00});               // end of track
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0x01, (byte) 0xE0}); // format 0, 1 track, 480 ppq
        f.writeBytes(new byte[] {'M', 'T', 'r', 'k', 0, 0, 0, (byte) track.size()});
        f.writeBytes(track.toByteArray());
        return f.toByteArray();
    }

    /** A format-1 file of {@code tracks} tracks (each on its own channel, drums' left out) with a C4 in each of {@code bars} 4/4 bars. */
    static byte[] bars(int bars, int tracks) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, (byte) (tracks >> 8), (byte) tracks, 0x01, (byte) 0xE0});
        for (int t = 0; t < tracks; t++) {
            int channel = t % 15 < 9 ? t % 15 : t % 15 + 1;
            ByteArrayOutputStream track = new ByteArrayOutputStream();
            for (int b = 0; b < bars; b++) {
                vlq(track, b == 0 ? 0 : 1440);
                track.writeBytes(new byte[] {(byte) (0x90 | channel), 60, 100});
                vlq(track, 480);
                track.writeBytes(new byte[] {(byte) (0x80 | channel), 60, 0});
            }
            vlq(track, 1440);
            track.writeBytes(new byte[] {(byte) 0xFF, 0x2F, 0x00});
            int n = track.size();
            f.writeBytes(new byte[] {'M', 'T', 'r', 'k', (byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
            f.writeBytes(track.toByteArray());
        }
        return f.toByteArray();
    }

    private static void vlq(ByteArrayOutputStream out, int value) {
        int buffer = value & 0x7F;
        while ((value >>= 7) > 0) buffer = (buffer << 8) | 0x80 | (value & 0x7F);
        while (true) {
            out.write(buffer & 0xFF);
            if ((buffer & 0x80) == 0) return;
            buffer >>= 8;
        }
    }
}
