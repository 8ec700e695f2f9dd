package org.endow.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's mail server: it speaks SMTP, accepts every mail, counts it and keeps nothing.
 *
 * <p>In production the mail provider is not on the foundation's machine, and so not on the two cores the bench measures.
 * The local stack's {@link LocalMailServer} parses every mail into a message and keeps them all for a person to read,
 * which costs the bench's two cores a fair part of a pledge and fills the bench JVM's heap over a run. The services
 * still do all their own mail work against this sink: render, queue, relay, one SMTP session per round. The count
 * shows that the mails arrived. Loopback only.
 */
final class MailSink implements AutoCloseable {

    private static final int MAX_LINE = 64 * 1024;

    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread acceptor;

    private MailSink(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("mail-sink").start(this::acceptLoop);
    }

    static MailSink start(int port) {
        try {
            return new MailSink(new ServerSocket(port, 64, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the bench's SMTP sink on port " + port, e);
        }
    }

    int smtpPort() {
        return server.getLocalPort();
    }

    /** Mails accepted so far (each after its terminating dot, as a relay counts them delivered). */
    long accepted() {
        return accepted.get();
    }

    /** Bytes of mail content accepted so far. */
    long bytes() {
        return bytes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("mail-sink-session").start(() -> session(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("mail sink: accept failed: " + e);
                }
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 endow-bench-sink ESMTP");
            Lines lines = new Lines(in);
            String line;
            while ((line = lines.next()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-endow-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (command.startsWith("HELO")
                        || command.startsWith("MAIL")
                        || command.startsWith("RCPT")
                        || command.startsWith("RSET")
                        || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    long size = lines.skipData();
                    if (size < 0) {
                        return;
                    }
                    accepted.incrementAndGet();
                    bytes.addAndGet(size);
                    reply(out, "250 OK accepted");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "502 Command not implemented");
                }
            }
        } catch (SocketException closed) {
            // the client went away: nothing to keep
        } catch (IOException e) {
            System.err.println("mail sink: session failed: " + e);
        }
    }

    /** An SMTP client's bytes, read in blocks: command lines, and mail content skipped up to its lone dot. */
    static final class Lines {

        private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line without its line end, or null at the end of the stream. Over-long lines are cut. */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    return line.isEmpty() ? null : line.toString();
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    return line.toString();
                }
                if (b != '\r' && line.length() < MAX_LINE) {
                    line.append((char) (b & 0xff));
                }
            }
        }

        /**
         * Skips the content after DATA up to and including the line that is a lone dot; the bytes before it, or -1
         * when the client left first. The content starts at a line's beginning, so a dot line right at the start
         * ends an empty mail.
         */
        long skipData() throws IOException {
            long size = 0;
            int matched = 2; // at the start of the content, as if just after a line end
            while (true) {
                if (position == limit && !fill()) {
                    return -1;
                }
                byte b = buffer[position++];
                size++;
                if (b == END_OF_DATA[matched]) {
                    matched++;
                } else {
                    matched = b == '\r' ? 1 : 0;
                }
                if (matched == END_OF_DATA.length) {
                    return Math.max(0, size - 3);
                }
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing else to do
        }
        acceptor.interrupt();
    }
}
