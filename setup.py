from configparser import ConfigParser
import setuptools, shlex

# note: all settings are in settings.ini; edit there, not here
config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o: cfg[o] for o in cfg_keys}

licenses = {'apache2': 'Apache-2.0', 'mit': 'MIT'}   # SPDX expressions (license classifiers are deprecated)
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()

requirements = shlex.split(cfg.get('requirements', ''))
if cfg.get('pip_requirements'): requirements += shlex.split(cfg.get('pip_requirements', ''))
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), cfg['license'])
# extras: the base install is torch alone (pixeldcl_nb.layers, .checkerboard, .unet, .export); [fastai] adds the learners, data
# readers, studies and command lines; [onnx] the ONNX export checks; [quant] int8 by torchao's PT2E (pixeldcl_nb.quantize);
# [all] all three; [dev] everything the tests need
fastai_requirements = shlex.split(cfg.get('fastai_requirements', ''))
onnx_requirements = shlex.split(cfg.get('onnx_requirements', ''))
quant_requirements = shlex.split(cfg.get('quant_requirements', ''))
dev_requirements = fastai_requirements + onnx_requirements + quant_requirements + shlex.split(cfg.get('dev_requirements') or '')

setuptools.setup(
    name=cfg['lib_name'],
    license=lic,
    license_files=['LICENSE'],
    classifiers=[
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: ' + o for o in py_versions[py_versions.index(min_python):]],
    url=cfg['git_url'],
    packages=setuptools.find_packages(),
    include_package_data=True,
    install_requires=requirements,
    extras_require={'fastai': fastai_requirements, 'onnx': onnx_requirements, 'quant': quant_requirements,
                    'all': fastai_requirements + onnx_requirements + quant_requirements, 'dev': dev_requirements},
    dependency_links=cfg.get('dep_links', '').split(),
    python_requires='>=' + cfg['min_python'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={
        'console_scripts': cfg.get('console_scripts', '').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d'],
    },
    **setup_cfg)
