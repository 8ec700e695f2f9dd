package org.endow.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's mail server: an SMTP server (GreenMail) that keeps every mail the services send, and a small web
 * page on another port where a person reads them, attachments included. Loopback only; development use only.
 */
public final class LocalMailServer implements AutoCloseable {

    static {
        // GreenMail parses every mail with Jakarta Mail, whose stream provider lookup otherwise scans every jar on the
        // class path for each part (jakartaee/mail-api#861); the property names the provider (as the services do)
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final GreenMail smtp;
    private final HttpServer web;

    private LocalMailServer(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    public static LocalMailServer start(int smtpPort, int webPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            LocalMailServer server = new LocalMailServer(smtp, web);
            web.createContext("/", server::handle);
            web.start();
            return server;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot open the mail viewer on port " + webPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String viewerUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/";
    }

    /** Everything received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            MimeMessage[] messages = smtp.getReceivedMessages();
            String[] parts = path.split("/");
            try {
                if (parts.length == 3 && parts[1].equals("m")) {
                    send(exchange, 200, "text/html; charset=utf-8", page(message(messages[index(parts[2])], parts[2])));
                } else if (parts.length == 5 && parts[1].equals("m") && parts[3].equals("a")) {
                    BodyPart part = attachments(messages[index(parts[2])]).get(index(parts[4]));
                    try (InputStream in = part.getInputStream()) {
                        exchange.getResponseHeaders()
                                .add("Content-Disposition", "inline; filename=\"" + safe(part.getFileName()) + "\"");
                        send(exchange, 200, part.getContentType().split(";")[0], in.readAllBytes());
                    }
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", page(inbox(messages)));
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                send(exchange, 404, "text/plain; charset=utf-8", "no such mail".getBytes(StandardCharsets.UTF_8));
            } catch (MessagingException e) {
                send(exchange, 500, "text/plain; charset=utf-8", e.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int index(String text) {
        return Integer.parseInt(text);
    }

    private static String inbox(MimeMessage[] messages) throws MessagingException {
        StringBuilder html = new StringBuilder("<h1>Endow local mail</h1><p>")
                .append(messages.length)
                .append(" mail(s), newest first. The services send here in the local stack.</p>")
                .append("<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>");
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage message = messages[i];
            html.append("<tr><td>")
                    .append(message.getSentDate())
                    .append("</td><td>")
                    .append(escape(recipients(message)))
                    .append("</td><td><a href=\"/m/")
                    .append(i)
                    .append("\">")
                    .append(escape(message.getSubject()))
                    .append("</a></td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String message(MimeMessage message, String index) throws MessagingException, IOException {
        StringBuilder html = new StringBuilder("<p><a href=\"/\">← all mail</a></p><h1>")
                .append(escape(message.getSubject()))
                .append("</h1><p>From ")
                .append(escape(String.valueOf(message.getFrom()[0])))
                .append(" to ")
                .append(escape(recipients(message)))
                .append(", ")
                .append(message.getSentDate())
                .append("</p><pre>");
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            html.append(escape(GreenMailUtil.getBody(multipart.getBodyPart(0)))).append("</pre><ul>");
            List<BodyPart> attachments = attachments(message);
            for (int i = 0; i < attachments.size(); i++) {
                html.append("<li><a href=\"/m/")
                        .append(index)
                        .append("/a/")
                        .append(i)
                        .append("\">")
                        .append(escape(attachments.get(i).getFileName()))
                        .append("</a></li>");
            }
            return html.append("</ul>").toString();
        }
        return html.append(escape(String.valueOf(content))).append("</pre>").toString();
    }

    private static List<BodyPart> attachments(MimeMessage message) throws MessagingException {
        List<BodyPart> attachments = new ArrayList<>();
        try {
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 1; i < multipart.getCount(); i++) {
                    attachments.add(multipart.getBodyPart(i));
                }
            }
        } catch (IOException e) {
            throw new MessagingException("cannot read the mail", e);
        }
        return attachments;
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        return message.getAllRecipients() == null ? "" : String.valueOf(message.getAllRecipients()[0]);
    }

    private static byte[] page(String body) {
        return ("<!doctype html><meta charset=utf-8><title>Endow local mail</title>"
                        + "<style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .8rem;text-align:left}"
                        + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style>" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String safe(String filename) {
        return filename == null ? "attachment" : filename.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
