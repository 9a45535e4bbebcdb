package loopsmith.server;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/** The client side of the OSC API on this machine, as a device speaks it: for {@code bench serve} and the tests. */
final class OscClient {
    private static final OSCSerializerAndParserBuilder CODEC = new OSCSerializerAndParserBuilder();
    private static final int MAX_DATAGRAM = 65_507;

    private OscClient() {}

    /** One message from {@code from} to the server's OSC {@code port} on loopback. */
    static void send(DatagramSocket from, int port, String address, List<Object> args) throws IOException {
        BufferBytesReceiver bytes = new BufferBytesReceiver(ByteBuffer.allocate(MAX_DATAGRAM));
        try {
            CODEC.buildSerializer(bytes).write(new OSCMessage(address, args));
        } catch (OSCSerializeException e) {
            throw new IOException("cannot encode " + address + ": " + e.getMessage(), e);
        }
        byte[] data = bytes.toByteArray();
        from.send(new DatagramPacket(data, data.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    /** The next message on {@code on} (its socket timeout applies). */
    static OSCMessage receive(DatagramSocket on) throws IOException {
        byte[] buf = new byte[MAX_DATAGRAM + 1];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        on.receive(p);
        try {
            return (OSCMessage) CODEC.buildParser().convert(ByteBuffer.wrap(p.getData(), 0, p.getLength()));
        } catch (OSCParseException e) {
            throw new IOException("not an OSC message: " + e.getMessage(), e);
        }
    }
}
