"""Runs the model's prediction graph node by node in plain Python, without dask.

Why: profiling `rasa run` under load showed about a tenth of Rasa's CPU per
turn in dask's scheduler (building the task graph, its thread-pool-free
`get_sync` bookkeeping), around graph nodes that themselves take a few
milliseconds. Rasa runs the prediction graph three times a turn. The graph is
small and runs on one thread anyway, so computing each needed node once, in
dependency order, gives the same results with none of that overhead.
Training still uses Rasa's dask runner.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    """Rasa's DaskGraphRunner with `run` computing the nodes itself, with the same results."""

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        schema = self._graph_schema.minimal_graph_schema(run_targets)
        # As in dask, an input is the pair (name, value) and stands in for a node of that name.
        done: Dict[Text, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and (value in schema.nodes or value in inputs):
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of the "
                    f"input names passed to the `run` method are the same as node names in the graph schema.")
            done[name] = (name, value)

        def result(name: Text) -> Any:
            if name not in done:
                if name not in schema.nodes:
                    return name  # dask hands over an unknown name as it is; GraphNode reports it
                arguments = [result(need) for need in schema.nodes[name].needs.values()]
                done[name] = self._instantiated_nodes[name](*arguments)
            return done[name]

        try:
            return dict(result(target) for target in run_targets)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error


def install() -> None:
    """Makes Rasa's message processor load models with the sequential runner."""
    import rasa.core.processor

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
