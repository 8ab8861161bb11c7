package io.quiver.tests.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest ONNX model of one element type, in the protobuf wire format: a graph whose
 * single Identity node passes input {@code x} of shape [N] to output {@code y}. None of the shared
 * models has an int64 input with rows first, which tests of NULL arguments need.
 */
final class IdentityModel {
  private static final int IR_VERSION = 8;
  private static final int OPSET = 13;

  private IdentityModel() {}

  /**
   * The model's bytes. Fields are written by their numbers in onnx.proto, named in the comments.
   */
  static byte[] of(TensorType type) {
    // NodeProto: input, output, op_type.
    byte[] node = new Message().text(1, "x").text(2, "y").text(4, "Identity").bytes();
    // GraphProto: node, name, input, output.
    byte[] graph =
        new Message()
            .message(1, node)
            .text(2, "identity")
            .message(11, valueInfo("x", type))
            .message(12, valueInfo("y", type))
            .bytes();
    // OperatorSetIdProto: domain, version.
    byte[] opset = new Message().text(1, "").number(2, OPSET).bytes();
    // ModelProto: ir_version, graph, opset_import.
    return new Message().number(1, IR_VERSION).message(7, graph).message(8, opset).bytes();
  }

  /** A ValueInfoProto of a tensor of the element type and shape [N]. */
  private static byte[] valueInfo(String name, TensorType type) {
    // TensorShapeProto.Dimension: dim_param; TensorShapeProto: dim.
    byte[] dimension = new Message().text(2, "N").bytes();
    byte[] shape = new Message().message(1, dimension).bytes();
    // TypeProto.Tensor: elem_type, shape; TypeProto: tensor_type.
    byte[] tensor = new Message().number(1, type.protoNumber()).message(2, shape).bytes();
    byte[] tensorType = new Message().message(1, tensor).bytes();
    // ValueInfoProto: name, type.
    return new Message().text(1, name).message(2, tensorType).bytes();
  }

  /** A protobuf message written field by field. */
  private static final class Message {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Message number(int field, long value) {
      varint((long) field << 3);
      varint(value);
      return this;
    }

    Message text(int field, String value) {
      return message(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, byte[] value) {
      varint((long) field << 3 | 2);
      varint(value.length);
      bytes.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }

    private void varint(long value) {
      long rest = value;
      while ((rest & ~0x7fL) != 0) {
        bytes.write((int) (rest & 0x7f) | 0x80);
        rest >>>= 7;
      }
      bytes.write((int) rest);
    }
  }
}
