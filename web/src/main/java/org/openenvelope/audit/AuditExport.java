package org.openenvelope.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.http.Csv;

/**
 * An audit trail written out as CSV ({@link Csv}) or as JSON Lines, one event per line, streamed a batch at a time.
 */
public enum AuditExport {

    CSV("text/csv;charset=UTF-8", "csv") {
        @Override
        void header(Writer out) throws IOException {
            out.write("occurred_at,account,actor,action,detail,source_address\r\n");
        }

        @Override
        void entry(Writer out, AuditEntry e) throws IOException {
            out.write(Csv.row(e.occurredAt().toString(), e.accountNumber(), e.actor(), e.action(), e.detail(),
                    e.sourceAddress()));
        }
    },
    JSONL("application/jsonl;charset=UTF-8", "jsonl") {
        @Override
        void header(Writer out) {
            // JSON Lines has none
        }

        @Override
        void entry(Writer out, AuditEntry e) throws IOException {
            JsonObjectBuilder line = Json.createObjectBuilder().add("id", e.id())
                    .add("occurredAt", e.occurredAt().toString()).add("actor", e.actor()).add("action", e.action())
                    .add("detail", e.detail());
            if (e.accountNumber() != null) {
                line.add("accountNumber", e.accountNumber());
            }
            if (e.sourceAddress() != null) {
                line.add("sourceAddress", e.sourceAddress());
            }
            out.write(line.build().toString() + "\n");
        }
    };

    private final String mediaType;
    private final String extension;

    AuditExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code csv} or {@code jsonl}. */
    public static Optional<AuditExport> of(String format) {
        return format == null ? Optional.empty() : switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code audit-12345674-2026-12-07.csv}, or {@code audit-service-…} for the whole service. */
    public String fileName(String accountNumber) {
        return "audit-" + (accountNumber == null ? "service" : accountNumber.replaceAll("[^0-9A-Za-z]", "")) + "-"
                + LocalDate.now(ZoneOffset.UTC) + "." + extension;
    }

    /** Writes the account's (or, with null, the service's) events that pass the filter. */
    public void write(AuditTrail trail, String accountNumber, AuditFilter filter, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        header(out);
        try {
            trail.export(accountNumber, filter, entry -> {
                try {
                    entry(out, entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    abstract void header(Writer out) throws IOException;

    abstract void entry(Writer out, AuditEntry entry) throws IOException;
}
