/**
 * Reading a file the way a careful person would: encoding, dialect, header, rejected rows, footer lines, and each
 * column's type decided over every row; also the typed table's exports for people to check.
 */
package io.sygnify.analysis.ingest;
