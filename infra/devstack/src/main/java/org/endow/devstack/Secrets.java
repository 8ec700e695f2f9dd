package org.endow.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/** Generated-once secrets kept in a properties file readable by its owner only. */
final class Secrets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets load(Path file) {
        Secrets secrets = new Secrets(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read secrets from " + file, e);
            }
        }
        return secrets;
    }

    /** The stored value, or a new random password that is stored at once. */
    synchronized String getOrGenerate(String key) {
        String value = values.getProperty(key);
        if (value == null || value.isEmpty()) {
            value = randomPassword(24);
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    /** A password of letters and digits (no look-alikes), about 5.8 bits each. */
    static String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void save() {
        StringWriter text = new StringWriter();
        try {
            values.store(text, "Endow local stack secrets, generated once; delete a line to get a new value");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render secrets", e);
        }
        FilePermissions.writePrivate(file, text.toString());
    }
}
