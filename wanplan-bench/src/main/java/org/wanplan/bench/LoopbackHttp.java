package org.wanplan.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection to a server on loopback, one request at a
 * time, blocking, as {@code wrk} or {@code ab -k} drive a server. It exists because the load generator
 * shares this machine's two cores with the server and PostgreSQL: the JDK's {@code HttpClient} (asynchronous
 * machinery, a selector thread, hand-offs between its worker threads) took about half a core at 200 order
 * cycles/s, a cost a real client does not put on the server's machine. Reads {@code Content-Length} and
 * chunked bodies; a request never goes out twice (a failed send is an error, not a retry).
 */
final class LoopbackHttp implements Closeable {
    /** A response's status and body. */
    record Response(int status, String body) {}

    private final int port;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttp(int port, String bearer) {
        this.port = port;
        this.authorization = "Authorization: Bearer " + bearer + "\r\n";
    }

    /** Sends one request ({@code body} null for none) and reads its response whole. */
    Response send(String method, String path, String body) throws IOException {
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(200)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append(authorization)
                .append("Content-Length: ")
                .append(content.length)
                .append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[h.length + content.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(content, 0, request, h.length, content.length);
        out.write(request);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: '" + status + "'");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long n = Long.parseLong(line().split(";")[0].strip(), 16);
                    n > 0;
                    n = Long.parseLong(line().split(";")[0].strip(), 16)) {
                copy(n, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body); // no length: the body ends with the connection
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        for (long left = n; left > 0; ) {
            int r = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (r < 0) {
                throw new EOFException("connection closed " + left + " bytes before the body's end");
            }
            to.write(buffer, 0, r);
            left -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in the middle of a response");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            Socket s = socket;
            socket = null;
            s.close();
        }
    }
}
