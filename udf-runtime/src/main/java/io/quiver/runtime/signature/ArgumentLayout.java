package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.ModelInvocationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the SQL arguments of a call bind to the inputs of a model method.
 *
 * <ul>
 *   <li>A single input of shape [N,F] with F fixed takes F scalar arguments, one per column, or one
 *       array argument of length F. When F is 1 (or the shape is [N]) it takes one scalar.
 *   <li>A single input of shape [N,?] takes one array argument of any length, or any number of
 *       scalar arguments greater than one, each a column.
 *   <li>Several inputs take one argument each: a scalar for [N] or [N,1], an array of K for [N,K].
 * </ul>
 *
 * <p>An input of higher rank takes the product of its dimensions after the first as K, in row-major
 * order. Every input must have the batch of rows as its first dimension; when it is fixed (a model
 * exported for batches of 1, say), the method runs that many rows at a time.
 */
public final class ArgumentLayout {
  private final MethodSignature signature;
  private final List<InputBinding> inputs;
  private final List<ExpectedArgument> arguments;
  private final int rowsPerRun;

  private ArgumentLayout(MethodSignature signature, List<InputBinding> inputs, int rowsPerRun) {
    this.signature = signature;
    this.inputs = List.copyOf(inputs);
    this.arguments = expectedArguments(this.inputs);
    this.rowsPerRun = rowsPerRun;
  }

  /**
   * The layout for a call with this many arguments.
   *
   * @throws InvalidArgumentException if no layout takes that many arguments; the message lists the
   *     accepted ones
   * @throws ModelInvocationException if the method cannot be called on rows at all
   */
  public static ArgumentLayout forArgumentCount(MethodSignature signature, int argumentCount) {
    requireNonNull(signature, "signature is null");
    int rowsPerRun = rowsPerRun(signature);
    if (signature.inputs().size() > 1) {
      if (argumentCount != signature.inputs().size()) {
        throw wrongCount(signature, argumentCount);
      }
      return new ArgumentLayout(signature, oneArgumentPerInput(signature), rowsPerRun);
    }

    MethodInput input = signature.inputs().get(0);
    int valuesPerRow = input.valuesPerRow();
    if (argumentCount == 1) {
      boolean fromArray = valuesPerRow != 1;
      InputBinding binding = new InputBinding(input, 0, valuesPerRow, fromArray);
      return new ArgumentLayout(signature, List.of(binding), rowsPerRun);
    }
    if (argumentCount > 1 && (valuesPerRow == argumentCount || valuesPerRow == -1)) {
      InputBinding binding = new InputBinding(input, 0, argumentCount, false);
      return new ArgumentLayout(signature, List.of(binding), rowsPerRun);
    }
    throw wrongCount(signature, argumentCount);
  }

  /**
   * The layouts a call may use, for validation messages and function listings. A single input of
   * symbolic row length lists only its array form, since any count above one is accepted too.
   *
   * @throws ModelInvocationException if the method cannot be called on rows at all
   */
  public static List<ArgumentLayout> accepted(MethodSignature signature) {
    requireNonNull(signature, "signature is null");
    int rowsPerRun = rowsPerRun(signature);
    if (signature.inputs().size() > 1) {
      return List.of(new ArgumentLayout(signature, oneArgumentPerInput(signature), rowsPerRun));
    }

    MethodInput input = signature.inputs().get(0);
    int valuesPerRow = input.valuesPerRow();
    List<ArgumentLayout> layouts = new ArrayList<>();
    if (valuesPerRow > 1) {
      InputBinding columns = new InputBinding(input, 0, valuesPerRow, false);
      layouts.add(new ArgumentLayout(signature, List.of(columns), rowsPerRun));
    }
    InputBinding whole = new InputBinding(input, 0, valuesPerRow, valuesPerRow != 1);
    layouts.add(new ArgumentLayout(signature, List.of(whole), rowsPerRun));
    return List.copyOf(layouts);
  }

  public MethodSignature signature() {
    return signature;
  }

  /** The bindings of the inputs, in the signature's order. */
  public List<InputBinding> inputs() {
    return inputs;
  }

  /** The arguments of the call, in call order. */
  public List<ExpectedArgument> arguments() {
    return arguments;
  }

  /** The number of rows every run of the model must have, or -1 when any number will do. */
  public int rowsPerRun() {
    return rowsPerRun;
  }

  /** The call as shown to a user: "PREDICT(X column 1 REAL, X column 2 REAL)". */
  public String describe() {
    String list =
        arguments.stream().map(ExpectedArgument::describeType).collect(Collectors.joining(", "));
    return signature.method() + "(" + list + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  private static List<InputBinding> oneArgumentPerInput(MethodSignature signature) {
    List<InputBinding> bindings = new ArrayList<>();
    for (MethodInput input : signature.inputs()) {
      int valuesPerRow = input.valuesPerRow();
      bindings.add(new InputBinding(input, bindings.size(), valuesPerRow, valuesPerRow != 1));
    }
    return bindings;
  }

  private static List<ExpectedArgument> expectedArguments(List<InputBinding> inputs) {
    List<ExpectedArgument> arguments = new ArrayList<>();
    for (InputBinding binding : inputs) {
      MethodInput input = binding.input();
      if (binding.fromArray()) {
        int position = binding.firstArgument() + 1;
        int length = binding.valuesPerRow();
        arguments.add(new ExpectedArgument(position, input.name(), 0, input.type(), length));
        continue;
      }
      boolean oneColumn = binding.valuesPerRow() == 1;
      for (int column = 1; column <= binding.valuesPerRow(); column++) {
        int position = binding.firstArgument() + column;
        int shownColumn = oneColumn ? 0 : column;
        arguments.add(new ExpectedArgument(position, input.name(), shownColumn, input.type(), 0));
      }
    }
    return List.copyOf(arguments);
  }

  private static int rowsPerRun(MethodSignature signature) {
    MethodInput fixedBy = null;
    for (MethodInput input : signature.inputs()) {
      if (input.shape().isEmpty() || input.fixedBatchSize() == 0) {
        throw new ModelInvocationException(
            "Method "
                + signature.method()
                + " cannot be called on rows: input '"
                + input.name()
                + "' has shape "
                + input.shape()
                + ", with no batch dimension first");
      }
      if (input.fixedBatchSize() < 0) {
        continue;
      }
      if (fixedBy != null && fixedBy.fixedBatchSize() != input.fixedBatchSize()) {
        throw new ModelInvocationException(
            "Method "
                + signature.method()
                + " cannot be called on rows: input '"
                + fixedBy.name()
                + "' has shape "
                + fixedBy.shape()
                + " and input '"
                + input.name()
                + "' has shape "
                + input.shape()
                + "; every input must have the same batch dimension first");
      }
      fixedBy = input;
    }
    return fixedBy == null ? -1 : Math.toIntExact(fixedBy.fixedBatchSize());
  }

  private static InvalidArgumentException wrongCount(MethodSignature signature, int count) {
    String choices =
        accepted(signature).stream()
            .map(layout -> layout.arguments.size() + " (" + layout.describe() + ")")
            .collect(Collectors.joining(" or "));
    MethodInput single = signature.inputs().get(0);
    if (signature.inputs().size() == 1 && single.valuesPerRow() == -1) {
      choices += " or any number above 1, one per column of input '" + single.name() + "'";
    }
    return new InvalidArgumentException(
        "Method "
            + signature.method()
            + " takes "
            + choices
            + " arguments; "
            + count
            + (count == 1 ? " was" : " were")
            + " given");
  }
}
