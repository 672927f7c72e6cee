package org.openenvelope.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on loopback UDP that answers TXT queries from what a test published: real DNS
 * messages (dnsjava's wire format), so the service's resolver is exercised as against a provider's name server.
 * A name with no records is NXDOMAIN; {@link #failing(boolean)} makes every answer SERVFAIL.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<List<String>>> txt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean failing;

    private LoopbackDnsServer(DatagramSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "loopback-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param port 0 for any free port */
    public static LoopbackDnsServer start(int port) throws SocketException {
        return new LoopbackDnsServer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    /** {@code host:port}, as {@code openenvelope.dns.resolvers} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** One TXT record; a value over 255 characters goes into several character strings, as DNS requires. */
    public void publishTxt(String domain, String value) {
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += 255) {
            strings.add(value.substring(start, Math.min(value.length(), start + 255)));
        }
        txt.computeIfAbsent(name(domain), n -> new CopyOnWriteArrayList<>()).add(strings);
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException closedOrGarbled) {
                // a closed socket ends the loop; a garbled query gets no answer, as from a real server
            }
        }
    }

    private byte[] answer(Message query) {
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        org.xbill.DNS.Record question = query.getQuestion();
        answer.addRecord(question, Section.QUESTION);
        List<List<String>> values = txt.get(question.getName());
        if (failing) {
            answer.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (values == null) {
            answer.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.TXT) {
            values.forEach(value -> answer.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, value), Section.ANSWER));
        }
        return answer.toWire(512);
    }

    private static Name name(String domain) {
        try {
            return Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(domain, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
