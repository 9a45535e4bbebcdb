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
}
