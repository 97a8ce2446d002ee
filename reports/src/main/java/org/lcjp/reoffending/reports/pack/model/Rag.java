package org.lcjp.reoffending.reports.pack.model;

/** A RAG rating cell: shown in words, with its colour as the cell's fill (the words carry the meaning). */
public record Rag(String rating, String words) {
    public static final String GREEN = "GREEN";
    public static final String AMBER = "AMBER";
    public static final String RED = "RED";

    /** Fill colour, RGB. */
    public byte[] colour() {
        return switch (rating) {
            case GREEN -> new byte[] {(byte) 0xA8, (byte) 0xD5, (byte) 0xA2};
            case AMBER -> new byte[] {(byte) 0xFF, (byte) 0xD5, (byte) 0x80};
            case RED -> new byte[] {(byte) 0xF4, (byte) 0xA5, (byte) 0x9C};
            default -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        };
    }
}
