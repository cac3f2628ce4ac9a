package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * FTS5's bm25 ({@code fts5_aux.c}: k1 = 1.2, b = 0.75, per-column weights, document length over
 * all columns) computed here for rows FTS5 has matched, so that FTS5 only has to find them.
 *
 * <p>Two inputs FTS5 reads from its index are taken differently: the table's row count and token
 * totals (for the average length) come from the index's own averages record, and a phrase's
 * document frequency (for its IDF), which FTS5 counts by walking every match again, is estimated
 * from the window: matching rows seen, scaled by how much of the table the window spans.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final double[] idf;
    private final double averageLength;
    private final double[][] frequency;
    private final int[] length;

    private Bm25(double[] idf, double averageLength, double[][] frequency, int[] length) {
        this.idf = idf;
        this.averageLength = averageLength;
        this.frequency = frequency;
        this.length = length;
    }

    /**
     * @param rows     the matched rows: per row, per indexed column, its words
     * @param span     how many rowids the rows span when they are only the newest of more
     *                 matches, or 0 when they are all the matches
     */
    static Bm25 of(Connection connection, String fts, double[] weights, List<Phrase> phrases,
                   List<List<List<Words.Word>>> rows, long span) throws SQLException {
        long[] totals = totals(connection, fts, weights.length);
        long tableRows = Math.max(totals[0], rows.size());
        long tokens = 0;
        for (int c = 1; c < totals.length; c++) {
            tokens += totals[c];
        }
        double[][] frequency = new double[rows.size()][phrases.size()];
        int[] length = new int[rows.size()];
        int[] seen = new int[phrases.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<List<Words.Word>> columns = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                length[r] += columns.get(c).size();
                for (int p = 0; p < phrases.size(); p++) {
                    Phrase phrase = phrases.get(p);
                    if (phrase.column() < 0 || phrase.column() == c) {
                        frequency[r][p] += weights[c] * phrase.count(columns.get(c));
                    }
                }
            }
            for (int p = 0; p < phrases.size(); p++) {
                seen[p] += frequency[r][p] > 0 ? 1 : 0;
            }
        }
        double[] idf = new double[phrases.size()];
        for (int p = 0; p < phrases.size(); p++) {
            double hits = span > 0 ? Math.min(tableRows, seen[p] * (double) tableRows / span) : seen[p];
            hits = Math.max(hits, seen[p]);
            idf[p] = Math.log((tableRows - hits + 0.5) / (hits + 0.5));
            if (idf[p] <= 0.0) {
                idf[p] = 1e-6;
            }
        }
        double average = tokens > 0 ? (double) tokens / tableRows : 1.0;
        return new Bm25(idf, average, frequency, length);
    }

    /** The score of row {@code r}; lower is better, as FTS5's bm25 (it is negated). */
    double score(int r) {
        double score = 0;
        double norm = K1 * (1 - B + B * length[r] / averageLength);
        for (int p = 0; p < idf.length; p++) {
            double f = frequency[r][p];
            score += idf[p] * (f * (K1 + 1)) / (f + norm);
        }
        return -score;
    }

    /**
     * The index's averages record ({@code <fts>_data} row 1): the row count, then the token count
     * of each column, as SQLite varints. Zeros when there is none yet.
     */
    static long[] totals(Connection connection, String fts, int columns) throws SQLException {
        long[] totals = new long[columns + 1];
        try (PreparedStatement query = connection.prepareStatement("SELECT block FROM " + fts + "_data WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return totals;
            }
            byte[] block = row.getBytes(1);
            int[] at = {0};
            for (int i = 0; i < totals.length && block != null && at[0] < block.length; i++) {
                totals[i] = varint(block, at);
            }
        }
        return totals;
    }

    /** SQLite's varint: up to eight bytes of seven bits, high bit set on all but the last; a ninth of eight. */
    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int i = 0; i < 8 && at[0] < bytes.length; i++) {
            int b = bytes[at[0]++] & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        if (at[0] < bytes.length) {
            value = (value << 8) | (bytes[at[0]++] & 0xff);
        }
        return value;
    }
}
