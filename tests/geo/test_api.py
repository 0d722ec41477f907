import pytest

import geo


@pytest.mark.parametrize("name", geo.__all__)
def test_every_public_name_exists(name):
    assert hasattr(geo, name)


@pytest.mark.parametrize("name", geo.datasets.__all__)
def test_every_public_name_of_datasets_exists(name):
    assert hasattr(geo.datasets, name)
