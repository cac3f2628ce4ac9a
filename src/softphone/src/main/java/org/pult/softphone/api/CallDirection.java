package org.pult.softphone.api;

public enum CallDirection { INCOMING, OUTGOING }
