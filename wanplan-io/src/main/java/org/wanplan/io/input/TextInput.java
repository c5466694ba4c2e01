package org.wanplan.io.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text input file is read through here: whole, at most {@link #MAX_BYTES}, decoded strictly as
 * UTF-8 (an invalid byte sequence is an error naming its line, column and byte offset, never replaced
 * silently), with a leading byte-order mark accepted and dropped.
 */
public final class TextInput {
    /** The largest input file read (bytes): 512 MiB, well above any real backbone or site list. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");
    private static final Pattern XML_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private TextInput() {}

    /** The text of {@code path}, strictly decoded, without a byte-order mark. */
    public static String read(Path path) throws IOException, InputException {
        return decode(bytes(path), path.toString());
    }

    /** A reader over the text of {@code path}; see {@link #read}. */
    public static Reader reader(Path path) throws IOException, InputException {
        return new StringReader(read(path));
    }

    /** The bytes of {@code path}, refused past {@link #MAX_BYTES}. */
    public static byte[] bytes(Path path) throws IOException, InputException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw InputException.of(path.toString(), 1, "the file is " + size + " bytes; the limit is " + MAX_BYTES);
        }
        return Files.readAllBytes(path);
    }

    /**
     * An XML file's bytes for a parser, after checking that a file in UTF-8 (declared so, or declaring
     * nothing) is valid UTF-8, so that a bad sequence is reported with its line like in every other reader.
     */
    public static InputStream xml(Path path) throws IOException, InputException {
        byte[] bytes = bytes(path);
        String file = path.toString();
        int start = hasBom(bytes) ? BOM.length : 0;
        String head = new String(bytes, start, Math.min(200, bytes.length - start), StandardCharsets.ISO_8859_1);
        // the JDK's XML parser prints "[Fatal Error] …" on stderr for a malformed byte sequence: find it first. The
        // parser reads the declaration itself as UTF-8 and switches to the encoding it names only after its "?>",
        // so a declaration that does not end (a byte flipped in its "?>") leaves the whole file UTF-8
        String encoding = "UTF-8";
        Matcher declaration = XML_DECLARATION.matcher(head);
        if (declaration.find()) {
            decode(java.util.Arrays.copyOf(bytes, start + declaration.end()), file);
            Matcher m = XML_ENCODING.matcher(declaration.group());
            if (m.find()) {
                encoding = m.group(1).toUpperCase(Locale.ROOT);
            }
        }
        if (encoding.equals("UTF-8") || encoding.equals("UTF8")) {
            decode(bytes, file);
        } else if (supported(encoding, file)) {
            decode(bytes, file, java.nio.charset.Charset.forName(encoding));
        }
        return new java.io.ByteArrayInputStream(bytes);
    }

    /**
     * Whether the JDK decodes {@code encoding}; a name no charset can have (a comma, a space) is the file's
     * error at the declaration's line. A legal name the JDK lacks is left to the XML parser to report.
     */
    private static boolean supported(String encoding, String file) throws InputException {
        try {
            return java.nio.charset.Charset.isSupported(encoding);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            throw InputException.of(file, 1, "the XML declaration names an invalid encoding '" + encoding + "'");
        }
    }

    /** {@code bytes} as UTF-8 text without a byte-order mark; an invalid sequence is an error at its line. */
    public static String decode(byte[] bytes, String file) throws InputException {
        return decode(bytes, file, StandardCharsets.UTF_8);
    }

    private static String decode(byte[] bytes, String file, java.nio.charset.Charset charset) throws InputException {
        int start = hasBom(bytes) && charset.equals(StandardCharsets.UTF_8) ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int)
                Math.ceil((bytes.length - start) * (double) charset.newDecoder().maxCharsPerByte()));
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw invalid(bytes, in.position(), r.length(), file, charset);
        }
        return out.flip().toString();
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static InputException invalid(
            byte[] bytes, int at, int length, String file, java.nio.charset.Charset charset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1 + new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length();
        StringBuilder seq = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + Math.max(length, 1)); i++) {
            seq.append(seq.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
        }
        return InputException.of(
                file,
                line,
                "not valid UTF-8 at column " + column + " (byte " + at + ": " + seq + "); save the file as UTF-8");
    }
}
