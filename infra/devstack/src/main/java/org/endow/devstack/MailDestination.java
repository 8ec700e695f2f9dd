package org.endow.devstack;

import java.util.OptionalInt;

/**
 * Where the services' mail goes, decided once when the stack starts: the local mail server whose inbox a person reads,
 * the bench's SMTP sink that counts mail and keeps none, or a real server named by {@code ENDOW_MAIL_SMTP_HOST}.
 */
sealed interface MailDestination extends AutoCloseable {

    /** The port on 127.0.0.1 the services are told to send to; empty when they take a real server from the env. */
    OptionalInt localSmtpPort();

    /** One line for the stack's summary. */
    String describe();

    @Override
    default void close() {}

    /** The local mail server of {@code ./endow run}: every mail readable in the browser. */
    record Local(LocalMailServer server) implements MailDestination {
        @Override
        public OptionalInt localSmtpPort() {
            return OptionalInt.of(server.smtpPort());
        }

        @Override
        public String describe() {
            return server.viewerUrl() + " (every mail sent)";
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The bench's sink: the mail provider is not on a foundation's machine, so mail is counted, not kept. */
    record Sink(MailSink sink) implements MailDestination {
        @Override
        public OptionalInt localSmtpPort() {
            return OptionalInt.of(sink.smtpPort());
        }

        @Override
        public String describe() {
            return "the bench's SMTP sink on port " + sink.smtpPort() + " (counted, not kept)";
        }

        @Override
        public void close() {
            sink.close();
        }
    }

    /** A real SMTP server; the services read its host, port and credentials from their own environment. */
    record External(String host) implements MailDestination {
        @Override
        public OptionalInt localSmtpPort() {
            return OptionalInt.empty();
        }

        @Override
        public String describe() {
            return host;
        }
    }
}
