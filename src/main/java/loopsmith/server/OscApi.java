package loopsmith.server;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import loopsmith.service.GenerateOptions;

/**
 * OSC over UDP for Max for Live and other music software; the address space is in docs/osc.md. JavaOSC encodes
 * and decodes the messages; the socket is ours because JavaOSC 0.8's receiver does not tell who sent a packet, and
 * replies go back to the sender (or to the reply port it names, since Max's udpsend and udpreceive are two sockets).
 */
final class OscApi implements AutoCloseable {
    static final String PREFIX = "/loopsmith/";
    private static final int MAX_PACKET_BYTES = 65_507;
    private static final long PROGRESS_EVERY_MILLIS = 500;

    private final ServerConfig config;
    private final Admission admission;
    private final Jobs jobs;
    private final String version;
    private final DatagramSocket socket;
    private final OSCParser parser;
    private final OSCSerializerAndParserBuilder codec = new OSCSerializerAndParserBuilder();
    private final Thread receiver;
    private final ScheduledExecutorService ticker;
    /** Running OSC jobs and where their progress goes. */
    private final Map<Job, SocketAddress> watched = new ConcurrentHashMap<>();

    OscApi(ServerConfig config, Admission admission, Jobs jobs, String version) throws SocketException {
        this.config = config;
        this.admission = admission;
        this.jobs = jobs;
        this.version = version;
        this.socket = new DatagramSocket(new InetSocketAddress(config.host(), config.oscPort()));
        this.parser = codec.buildParser();
        this.receiver = new Thread(this::receive, "loopsmith-osc");
        receiver.setDaemon(true);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopsmith-osc-progress");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        receiver.start();
        ticker.scheduleAtFixedRate(this::tick, PROGRESS_EVERY_MILLIS, PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buf = new byte[MAX_PACKET_BYTES];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) return;
                System.err.println("warning: OSC receive failed: " + e.getMessage());
                continue;
            }
            SocketAddress from = p.getSocketAddress();
            List<OSCMessage> received;
            try {
                received = messages(parser.convert(ByteBuffer.wrap(p.getData(), 0, p.getLength())));
            } catch (OSCParseException | RuntimeException e) {
                // JavaOSC throws unchecked exceptions on some truncated packets; one bad packet must not stop the listener.
                send(from, "error", "", "not an OSC packet: " + e);
                continue;
            }
            for (OSCMessage m : received) {
                try {
                    handle(m, from);
                } catch (RuntimeException e) {
                    send(from, "error", "", "internal error: " + e);
                }
            }
        }
    }

    private static List<OSCMessage> messages(OSCPacket packet) {
        if (packet instanceof OSCMessage m) return List.of(m);
        List<OSCMessage> out = new ArrayList<>();
        if (packet instanceof OSCBundle b) for (OSCPacket p : b.getPackets()) out.addAll(messages(p));
        return out;
    }

    private void handle(OSCMessage m, SocketAddress from) {
        List<Object> args = m.getArguments();
        switch (m.getAddress()) {
            case PREFIX + "ping" -> send(replyTo(from, args, 0), "pong", version);
            case PREFIX + "generate" -> generate(args, from);
            default -> send(from, "error", "", "unknown address " + m.getAddress() + "; see docs/osc.md");
        }
    }

    /** {@code /loopsmith/generate <text> [bars] [seed] [reply_port] [audio]}; 0 means "from the text" / "any". */
    private void generate(List<Object> args, SocketAddress from) {
        SocketAddress to = replyTo(from, args, 3);
        String text = args.isEmpty() ? "" : String.valueOf(args.get(0));
        int bars = intArg(args, 1);
        long seed = intArg(args, 2);
        boolean audio = intArg(args, 4) != 0;
        GenerateForm form = new GenerateForm(text, null, null, null, null, null, null, bars > 0 ? bars : null, null, null,
                null, null, null, seed > 0 ? seed : null, null, null, null, audio, null, null, null, null, null);
        try {
            form.check(config.maxPromptChars());
            GenerateOptions o = form.toOptions(config.outDir(), Optional.empty());
            Job job = admission.submit(o);
            send(to, "queued", job.id());
            watched.put(job, to);
            job.listen(v -> report(v, to));
        } catch (ApiException e) {
            send(to, "error", "", e.getMessage());
        } catch (Jobs.Full e) {
            send(to, "error", "", "busy: " + e.getMessage());
        }
    }

    private void report(Job.View v, SocketAddress to) {
        switch (v.status()) {
            case DONE -> {
                for (Path folder : v.folders()) {
                    List<Object> a = new ArrayList<>();
                    a.add(v.id());
                    a.add(folder.toString());
                    for (Path f : ResultFiles.files(folder)) a.add(f.toString());
                    send(to, "done", a.toArray());
                }
            }
            case FAILED, CANCELLED -> send(to, "error", v.id(), v.error());
            case RUNNING -> send(to, "progress", v.id(), (float) v.progress());
            case QUEUED -> send(to, "progress", v.id(), 0f);
        }
        if (v.status().isFinal()) watched.keySet().removeIf(j -> j.id().equals(v.id()));
    }

    private void tick() {
        double expected = jobs.expectedSeconds();
        watched.forEach((job, to) -> {
            Job.View v = job.view(expected);
            if (v.status() == Job.Status.RUNNING) send(to, "progress", v.id(), (float) v.progress());
        });
    }

    /** The sender, or the same host at the reply port given as argument {@code index} (0 or absent: the sender's port). */
    private static SocketAddress replyTo(SocketAddress from, List<Object> args, int index) {
        int port = intArg(args, index);
        if (port <= 0 || port > 65535 || !(from instanceof InetSocketAddress in)) return from;
        InetAddress host = in.getAddress();
        return new InetSocketAddress(host, port);
    }

    /** Max sends ints as 'i' and floats as 'f'; other software may send 'h' or 'd' or a number as text. */
    private static int intArg(List<Object> args, int index) {
        if (args.size() <= index) return 0;
        Object a = args.get(index);
        if (a instanceof Number n) return (int) Math.round(n.doubleValue());
        try {
            return Integer.parseInt(String.valueOf(a).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void send(SocketAddress to, String what, Object... args) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_PACKET_BYTES);
        BufferBytesReceiver bytes = new BufferBytesReceiver(buf);
        OSCSerializer serializer = codec.buildSerializer(bytes);
        try {
            serializer.write(new OSCMessage(PREFIX + what, List.of(args)));
            byte[] data = bytes.toByteArray();
            synchronized (socket) {
                socket.send(new DatagramPacket(data, data.length, to));
            }
        } catch (OSCSerializeException | IOException e) {
            // UDP has no one to report to when the reply itself cannot go out; the server's log is the place.
            System.err.println("warning: OSC reply to " + to + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
