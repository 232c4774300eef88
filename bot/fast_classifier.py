"""The logistic-regression intent classifier's feature rows, without an empty join per message.

Why: profiling `rasa run` under load showed about a twentieth of Rasa's CPU per
turn in `LogisticRegressionClassifier._create_X`, which joins each message's
sparse features to its dense ones with `scipy.sparse.hstack` even when there
are no dense features (our pipeline has none), and hstack goes through the
general block-matrix code. With no dense features the join adds nothing, so the
rows are stacked as they are; any message with dense features takes Rasa's own
path. Same matrix, same predictions.
"""
from typing import List

from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, vstack

_rasa_create_x = LogisticRegressionClassifier._create_X


def create_x(self: LogisticRegressionClassifier, messages: List[Message]) -> csr_matrix:
    rows = []
    for message in messages:
        if message.get_dense_features(attribute=TEXT)[1] is not None:
            return _rasa_create_x(self, messages)
        sentence = message.get_sparse_features(attribute=TEXT)[1]
        rows.append(csr_matrix(sentence.features if sentence else []))
    return vstack(rows)


def install() -> None:
    LogisticRegressionClassifier._create_X = create_x
