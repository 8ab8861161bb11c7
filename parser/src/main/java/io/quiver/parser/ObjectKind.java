package io.quiver.parser;

/** The kinds of object that privileges are granted on. */
public enum ObjectKind {
  DATABASE,
  SCHEMA,
  TABLE,
  MODEL
}
