package com.example.shop.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket that writes the request byte for byte as it is given.
 *
 * <p>{@link java.net.http.HttpClient} refuses what a hostile client sends on purpose: CR and LF or NUL in header
 * values, an invalid request target, a body that is not valid UTF-8 with a {@code Content-Length} of our choice.
 * Testing that the gateway survives such requests needs a client that does not protect the server.
 */
final class RawHttp {

    private static final URI BASE = URI.create(ShopApi.BASE_URL);
    private static final String HOST = BASE.getHost();
    private static final int PORT = BASE.getPort() > 0 ? BASE.getPort() : 80;
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private RawHttp() {
    }

    /** One header as it goes on the wire; the value may contain anything, CR and LF included. */
    record Header(String name, String value) {
    }

    /** What came back; {@code status} 0 means the connection ended without an HTTP answer. */
    record Answer(int status, List<Header> headers, byte[] body, String failure) {

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                    .orElse(null);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one request on a fresh connection ({@code Connection: close}); {@code target} is the request target as
     * it is written (path and query, already encoded or deliberately not). Adds {@code Host} and, with a body,
     * {@code Content-Length} unless the caller gave them.
     */
    static Answer send(String method, String target, List<Header> headers, byte[] body) {
        var request = new ByteArrayOutputStream();
        // UTF-8, so a target with raw non-ASCII characters goes out as such.
        request.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        boolean hasHost = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Host"));
        boolean hasLength = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Length")
                || h.name().equalsIgnoreCase("Transfer-Encoding"));
        if (!hasHost) {
            writeAscii(request, "Host: " + HOST + ":" + PORT + "\r\n");
        }
        for (Header header : headers) {
            request.writeBytes((header.name() + ": " + header.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null && !hasLength) {
            writeAscii(request, "Content-Length: " + body.length + "\r\n");
        }
        writeAscii(request, "Connection: close\r\n\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray());
    }

    /** Sends bytes as they are (a request line and headers of the caller's own making) and reads the answer. */
    static Answer exchange(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 5_000);
            socket.setSoTimeout(30_000);
            String writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            }
            catch (IOException ex) {
                // A server may answer (413, 400) and close before it has read a huge body: read what it said.
                writeFailure = ex.toString();
            }
            try {
                return read(new BufferedInputStream(socket.getInputStream()));
            }
            catch (IOException ex) {
                return new Answer(0, List.of(), new byte[0],
                        (writeFailure == null ? "" : "write: " + writeFailure + "; ") + "read: " + ex);
            }
        }
        catch (IOException ex) {
            return new Answer(0, List.of(), new byte[0], "connect: " + ex);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        int status;
        List<Header> headers;
        do {
            // Interim answers (100 Continue) come before the real one.
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/")) {
                return new Answer(0, List.of(), new byte[0], "no status line: " + statusLine);
            }
            status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            headers = new ArrayList<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
                }
            }
        }
        while (status >= 100 && status < 200);
        var answer = new Answer(status, headers, new byte[0], null);
        String length = answer.header("Content-Length");
        String encoding = answer.header("Transfer-Encoding");
        byte[] body;
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        }
        else if (length != null) {
            body = in.readNBytes(Math.min(Integer.parseInt(length.trim()), MAX_RESPONSE_BYTES));
        }
        else {
            body = in.readNBytes(MAX_RESPONSE_BYTES);
        }
        return new Answer(status, headers, body, null);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
            if (body.size() > MAX_RESPONSE_BYTES) {
                return body.toByteArray();
            }
        }
    }

    /** A header line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static List<Header> headers(Map<String, String> map) {
        return map.entrySet().stream().map(e -> new Header(e.getKey(), e.getValue())).toList();
    }
}
