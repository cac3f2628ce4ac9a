package org.pult.core.model;

public enum Role {
    OPERATOR, SUPERVISOR, ADMIN
}
