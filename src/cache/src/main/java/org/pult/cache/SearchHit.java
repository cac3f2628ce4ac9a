package org.pult.cache;

import java.util.List;
import java.util.Objects;
import org.pult.core.model.Conversation;

/**
 * One conversation found by {@link CacheSearch}, with where its best match is and a snippet of it.
 *
 * @param source    where the best match is
 * @param messageId the message of the best match, or null when it is not in a message
 * @param snippet   the matching text around the match, its matched words marked
 * @param score     the ranking score; lower is better (FTS5's bm25 is negative)
 */
public record SearchHit(Conversation conversation, Source source, String messageId, Snippet snippet, double score) {

    public SearchHit {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(snippet, "snippet");
    }

    /** Where a match was found. */
    public enum Source {
        /** A message's body or subject. */
        MESSAGE,
        /** The conversation's subject. */
        SUBJECT,
        /** The customer's name, e-mail, company or phone. */
        CUSTOMER
    }

    /**
     * A piece of the matching text. {@code text} is plain (no markup), with "…" where it was cut;
     * {@code highlights} are the matched words as character ranges of {@code text}, in order.
     */
    public record Snippet(String text, List<Span> highlights) {

        public Snippet {
            Objects.requireNonNull(text, "text");
            highlights = List.copyOf(highlights);
        }

        /** The text with each highlight between {@code open} and {@code close}, e.g. for a test or a log. */
        public String marked(String open, String close) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (Span span : highlights) {
                out.append(text, at, span.start()).append(open).append(text, span.start(), span.end()).append(close);
                at = span.end();
            }
            return out.append(text, at, text.length()).toString();
        }
    }

    /** Characters {@code [start, end)} of a snippet's text. */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }
    }
}
