package org.openenvelope.database;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.database.backup.DatabaseBackup;

/** {@code /api/v1/database/backups}: an online backup of the embedded database, for service tokens only. */
@Path("/v1/database/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Database")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
public class BackupResource {

    @Inject
    DatabaseBackup backups;

    @POST
    @Operation(summary = "Back up the embedded database", description = "Writes a zip of the H2 database as of"
            + " now to <data dir>/backups/ while the service runs. The master key is not in it: back it up"
            + " separately. PostgreSQL is backed up with pg_dump instead.")
    @APIResponse(responseCode = "201", description = "The backup written: file, bytes, createdAt")
    @APIResponse(responseCode = "403", ref = ApiResponses.NOT_A_SERVICE_TOKEN)
    @APIResponse(responseCode = "409", description = "The database is not the embedded H2 database (conflict)")
    public Response backUp() {
        return Response.status(Response.Status.CREATED).entity(backups.backUp()).build();
    }
}
