package org.openenvelope.audit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.openenvelope.api.ApiError;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;

/** The API's audit exports: the events streamed as the chosen format, or 400 naming the format. */
final class AuditExports {

    private AuditExports() {
    }

    static Response response(AuditTrail trail, String accountNumber, String format, AuditFilter filter) {
        AuditExport export = AuditExport.of(format).orElse(null);
        if (export == null) {
            return new ApiError("invalid_value", "format must be csv or jsonl.", "format", null)
                    .response(Response.Status.BAD_REQUEST);
        }
        StreamingOutput body = out -> export.write(trail, accountNumber, filter, out);
        return Response.ok(body, export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName(accountNumber) + "\"")
                .build();
    }
}
