package org.pult.core.model;

public enum Role {
    OPERATOR, SUPERVISOR, ADMIN;

    /** Whether this role may see and command the team (supervisor endpoints). */
    public boolean supervises() {
        return this == SUPERVISOR || this == ADMIN;
    }
}
