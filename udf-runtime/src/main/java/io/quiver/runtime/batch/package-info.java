/**
 * Encoding of argument rows into Arrow-backed ONNX tensors, and decoding of model outputs into
 * per-row Java values.
 */
package io.quiver.runtime.batch;
