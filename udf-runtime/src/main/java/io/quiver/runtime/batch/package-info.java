/**
 * Encoding of argument rows, boxed or in typed columns, into Arrow-backed ONNX tensors, and
 * decoding of model outputs into per-row Java values.
 */
package io.quiver.runtime.batch;
