package org.openenvelope.http;

import jakarta.ws.rs.core.Response;

/**
 * A list downloaded as a CSV file ({@link Csv}), from the API and from the portal's export links alike: its media
 * type and the header that makes browsers save it under a name telling the list and the account.
 */
public final class CsvDownload {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private CsvDownload() {
    }

    /** {@code <list>-<account>.csv}, the account number kept to its letters and digits. */
    public static String fileName(String list, String accountNumber) {
        return list + "-" + String.valueOf(accountNumber).replaceAll("[^0-9A-Za-z]", "") + ".csv";
    }

    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    /** The API's answer: the CSV as an attachment. */
    public static Response response(String csv, String fileName) {
        return Response.ok(csv, MEDIA_TYPE).header("Content-Disposition", contentDisposition(fileName)).build();
    }
}
