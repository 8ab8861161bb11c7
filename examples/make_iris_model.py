#!/usr/bin/python3
"""Trains the example model of Quiver's quick start and writes it as ONNX.

A multinomial logistic regression on the iris data set that ships with scikit-learn, written as
an ONNX graph by hand with the onnx package (Debian: python3-sklearn, python3-onnx):

  input  features       float [N, 4]   sepal length, sepal width, petal length, petal width (cm)
  output label          int64 [N]      0 setosa, 1 versicolor, 2 virginica
  output probabilities  float [N, 3]   the probability of each class

It also writes flowers.csv, the 150 iris measurements with their species, for COPY INTO.

Usage: examples/make_iris_model.py   (writes iris.onnx and flowers.csv beside this script)
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression


def train():
    iris = load_iris()
    model = LogisticRegression(max_iter=1000, random_state=0)
    model.fit(iris.data, iris.target)
    accuracy = model.score(iris.data, iris.target)
    return model, accuracy


def to_onnx(model):
    weights = numpy_helper.from_array(model.coef_.T.astype(np.float32), "weights")
    bias = numpy_helper.from_array(model.intercept_.astype(np.float32), "bias")
    nodes = [
        helper.make_node("Gemm", ["features", "weights", "bias"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1),
        helper.make_node("ArgMax", ["scores"], ["label"], axis=1, keepdims=0),
    ]
    graph = helper.make_graph(
        nodes,
        "iris_logistic_regression",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 4])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 3]),
        ],
        initializer=[weights, bias],
    )
    onnx_model = helper.make_model(
        graph,
        producer_name="quiver-examples",
        opset_imports=[helper.make_opsetid("", 13)],
    )
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    return onnx_model


def write_flowers(path):
    iris = load_iris()
    with open(path, "w") as csv:
        csv.write("id,sepal_length,sepal_width,petal_length,petal_width,species\n")
        for number, (row, target) in enumerate(zip(iris.data, iris.target), start=1):
            values = ",".join(f"{value:.1f}" for value in row)
            csv.write(f"{number},{values},{iris.target_names[target]}\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    model, accuracy = train()
    onnx.save(to_onnx(model), os.path.join(here, "iris.onnx"))
    write_flowers(os.path.join(here, "flowers.csv"))
    print(f"Wrote iris.onnx (training accuracy {accuracy:.3f}) and flowers.csv in {here}")


if __name__ == "__main__":
    main()
