package org.pult.softphone.api;

public enum MediaEncryption { NONE, SRTP, ZRTP, DTLS }
