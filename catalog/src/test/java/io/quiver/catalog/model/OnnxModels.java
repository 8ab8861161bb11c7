package io.quiver.catalog.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * ONNX models written byte by byte, for shapes no shared model has: a Concat of many inputs. The
 * protobuf fields are those of onnx.proto (ModelProto, GraphProto, NodeProto, ValueInfoProto).
 */
final class OnnxModels {
  private static final int FLOAT = 1;
  private static final int ATTRIBUTE_INT = 2;

  private OnnxModels() {}

  /** A model concatenating inputs x0 ... x(n-1), each float[N,1], into y, float[N,n]. */
  static byte[] concat(int inputs) {
    Message node = new Message();
    for (int index = 0; index < inputs; index++) {
      node.text(1, "x" + index);
    }
    node.text(2, "y").text(3, "concat").text(4, "Concat");
    node.message(5, new Message().text(1, "axis").number(3, 1).number(20, ATTRIBUTE_INT));
    Message graph = new Message().message(1, node).text(2, "concat");
    for (int index = 0; index < inputs; index++) {
      graph.message(11, floatInput("x" + index, 1));
    }
    graph.message(12, floatInput("y", inputs));
    Message opset = new Message().text(1, "").number(2, 13);
    Message model =
        new Message().number(1, 8).text(2, "quiver-tests").message(7, graph).message(8, opset);
    return model.bytes();
  }

  private static Message floatInput(String name, int width) {
    Message shape =
        new Message()
            .message(1, new Message().text(2, "N"))
            .message(1, new Message().number(1, width));
    Message tensor = new Message().number(1, FLOAT).message(2, shape);
    return new Message().text(1, name).message(2, new Message().message(1, tensor));
  }

  /** A protobuf message being written. */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message number(int field, long value) {
      varint((long) field << 3);
      varint(value);
      return this;
    }

    Message text(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, Message value) {
      return bytes(field, value.bytes());
    }

    private Message bytes(int field, byte[] value) {
      varint(((long) field << 3) | 2);
      varint(value.length);
      out.writeBytes(value);
      return this;
    }

    private void varint(long value) {
      long rest = value;
      while ((rest & ~0x7FL) != 0) {
        out.write((int) ((rest & 0x7F) | 0x80));
        rest >>>= 7;
      }
      out.write((int) rest);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
