"""The role classifier (dedupe/roles.py) evaluated by stratified 5-fold cross-validation on its
training sentences (dedupe/data/roles.jsonl), against a majority-class baseline.

Run: python3 benchmarks/roles.py
"""

from __future__ import annotations

from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from dedupe.attribution.roles import example_features, load_examples, make_pipeline


def main() -> None:
    examples = load_examples()
    x = [example_features(e) for e in examples]
    y = [e.role for e in examples]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    predicted = cross_val_predict(make_pipeline(), x, y, cv=folds)
    majority = max(set(y), key=y.count)
    print(f"{len(examples)} examples, 5-fold stratified cross-validation")
    print(f"macro-F1 {f1_score(y, predicted, average='macro'):.3f} "
          f"(majority-class baseline {f1_score(y, [majority] * len(y), average='macro'):.3f})")
    print(classification_report(y, predicted, digits=3))


if __name__ == "__main__":
    main()
