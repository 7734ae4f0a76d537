"""The learned part of vigie: loaders, templates, features, heads, training and the shipped artifact.

Detection code imports only :mod:`vigie.model.artifact`, :mod:`vigie.model.features` and
:mod:`vigie.model.heads` (numpy-only at inference); training (:mod:`vigie.model.train`)
also needs scikit-learn and pandas.
"""
