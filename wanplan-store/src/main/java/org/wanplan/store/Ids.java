package org.wanplan.store;

import java.security.SecureRandom;

/** Ids for stored things: a type prefix and 16 random base-32 characters ({@code des_…}, {@code ord_…}). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Ids() {}

    public static String next(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
