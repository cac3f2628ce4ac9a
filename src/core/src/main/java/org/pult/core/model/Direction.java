package org.pult.core.model;

/** Whether a message or call came from the customer or went to them. */
public enum Direction {
    INBOUND, OUTBOUND
}
