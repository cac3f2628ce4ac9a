package org.pult.softphone.api;

public enum SipTransport { UDP, TCP, TLS }
