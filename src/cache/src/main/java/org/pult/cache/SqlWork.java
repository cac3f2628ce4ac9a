package org.pult.cache;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link CacheDatabase} while it holds the connection's lock. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
