package org.openenvelope.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.operations.ServiceLog;

/**
 * The service's master key for secrets at rest. {@code openenvelope.secrets.master-key} (base64 of 32 bytes) wins;
 * a cluster must set it, the same on every node. Without it, a single node keeps a key file under the data
 * directory ({@code secrets/master.key}, owner-only), created on first use. The key is never logged.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = ServiceLog.logger(MasterKey.class);

    @Inject
    @ConfigProperty(name = "openenvelope.secrets.master-key")
    Optional<String> configured;

    /** Keys of earlier rotations (comma-separated base64): they still open what they sealed, until re-sealed. */
    @Inject
    @ConfigProperty(name = "openenvelope.secrets.previous-master-keys")
    Optional<String> previous;

    @Inject
    @ConfigProperty(name = "openenvelope.data.dir")
    String dataDir;

    private SecretBox box;

    @Produces
    synchronized SecretBox secretBox() {
        if (box == null) {
            List<byte[]> earlier = previous.filter(value -> !value.isBlank()).stream()
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(value -> !value.isEmpty())
                    .map(MasterKey::decode).toList();
            box = new SecretBox(configured.filter(value -> !value.isBlank()).map(MasterKey::decode)
                    .orElseGet(() -> fromFile(Path.of(dataDir, "secrets", "master.key"))), earlier);
        }
        return box;
    }

    static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException("openenvelope.secrets.master-key must be the base64 of "
                        + SecretBox.KEY_BYTES + " random bytes (e.g. `openssl rand -base64 32`); it decodes to "
                        + key.length + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("openenvelope.secrets.master-key is not valid base64");
        }
    }

    static synchronized byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[SecretBox.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning(() -> "Could not restrict the permissions of " + file + "; protect it by other means.");
            }
            LOG.info(() -> "Created the master key for secrets at rest in " + file
                    + "; back it up with the database, and set openenvelope.secrets.master-key on every node of a cluster.");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key file " + file, e);
        }
    }
}
