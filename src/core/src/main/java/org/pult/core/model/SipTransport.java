package org.pult.core.model;

/** How the softphone reaches its registrar. */
public enum SipTransport {
    UDP, TCP, TLS
}
