/**
 * Signatures of model methods read from ONNX models, their JSON form for the catalog, their SQL
 * types, and how the arguments of a call bind to model inputs.
 */
package io.quiver.runtime.signature;
