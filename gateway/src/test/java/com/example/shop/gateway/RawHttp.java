package com.example.shop.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an HTTP/1.1 request byte for byte on a plain socket and reads one answer. HTTP clients refuse to send what
 * these tests are about (NUL in a header, a doubled Content-Length, a lower-case method, a target that is not a URI),
 * so the requests are written by hand.
 */
final class RawHttp {

    /** One answer; header names are lower case, the last value of a repeated header wins. */
    record Answer(int status, Map<String, String> headers, String body, boolean closedAfter) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, each ending in CRLF; the blank line is added) and a body. */
    static Answer send(int port, String head, byte[] body) {
        var request = new ByteArrayOutputStream();
        request.writeBytes((head + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return exchange(port, request.toByteArray());
    }

    /** Sends a request without a body. */
    static Answer send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    private static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            }
            catch (IOException ex) {
                // The server may answer and close before it has read everything: read what it said.
            }
            return read(socket, new BufferedInputStream(socket.getInputStream()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Answer read(Socket socket, InputStream in) throws IOException {
        int status;
        Map<String, String> headers;
        do {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("The connection ended without an answer");
            }
            status = Integer.parseInt(statusLine.split(" ")[1]);
            headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        while (status >= 100 && status < 200);
        String length = headers.get("content-length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        }
        else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        }
        else {
            body = in.readAllBytes();
        }
        boolean closedAfter;
        try {
            // A connection kept open shows as a read that times out; the tests that ask send no Connection header.
            socket.setSoTimeout(2_000);
            closedAfter = in.read() == -1;
        }
        catch (SocketTimeoutException ex) {
            closedAfter = false;
        }
        catch (IOException ex) {
            closedAfter = true;
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), closedAfter);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                line(in);
                break;
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
