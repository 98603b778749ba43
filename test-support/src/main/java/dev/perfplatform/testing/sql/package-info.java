/**
 * Real relational databases for tests: {@link dev.perfplatform.testing.sql.PostgresTest} and {@link
 * dev.perfplatform.testing.sql.MariaDbTest} create a database for each test class and drop it afterwards.
 */
@NullMarked
package dev.perfplatform.testing.sql;

import org.jspecify.annotations.NullMarked;
