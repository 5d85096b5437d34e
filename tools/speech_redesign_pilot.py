"""The speech study's pilots (10a_speech_study), through the library's own run (`speech_config`, `speech_fit`).

Version 1 of the speech study trained `SpeechNet` as the residual over linear x2 with MSE alone. Its seed-0 runs ended
with a higher LSD than linear interpolation and a lower SNR than band-limited interpolation: MSE pulls the 4-8 kHz
band towards its conditional mean, and linear interpolation's spectral images fill that band with energy that LSD
rewards. The redesign pilot trains one kind (seed 0, one thread, the study's data) with the skip over linear or
band-limited (`sinc_x2`) x2, with or without the log-STFT term of `SpeechLoss`, and prints one row of
results/pilots/speech_redesign.csv:

    .venv/bin/python tools/speech_redesign_pilot.py sinc 0.001 >> results/pilots/speech_redesign.csv

With --timed FILE it also appends a row per epoch (seconds included) to FILE, the timed pilot that `pilot_cost`
reads (results/pilots/speech_pilots.csv, its `version` column the study version the settings make):

    .venv/bin/python tools/speech_redesign_pilot.py sinc 0.001 --kind pixeldcl --epochs 3 \\
        --timed results/pilots/speech_pilots.csv

--data asterisk pilots the second set (study speech_g722, Asterisk's G.722 prompts, LSD over 4-7 kHz):

    .venv/bin/python tools/speech_redesign_pilot.py sinc 0.001 --data asterisk --epochs 3 \\
        --timed results/pilots/speech_g722_pilots.csv
"""
import argparse, csv, time, warnings
from pathlib import Path
import torch
from pixeldcl_nb.layers import quiet_fastai
with quiet_fastai(): from fastai.callback.core import Callback
from pixeldcl_nb.speech_study import SPEECH_VERSION, SPEECH_STUDIES, speech_data, speech_config, speech_fit

PILOT_COLUMNS = ('study', 'kind', 'seed', 'lr', 'epochs', 'epoch', 'epoch_s', 'train_loss', 'valid_loss', 'lsd',
                 'lsd_high', 'snr', 'version')


class Help(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    "--help: the module's text as written, and every option's default."


class EpochTimes(Callback):
    "Seconds of each epoch (training and validation), in `self.times`."
    order = 100
    def before_fit(self): self.times = []
    def before_epoch(self): self.t = time.time()
    def after_epoch(self): self.times.append(time.time() - self.t)


def append_rows(fname: Path, rows: list):
    "Append `rows` (dicts) to the CSV `fname`, with its header if the file is new."
    new = not fname.exists() or not fname.stat().st_size
    with open(fname, 'a', newline='') as f:
        w = csv.DictWriter(f, PILOT_COLUMNS, lineterminator='\n')
        if new: w.writeheader()
        w.writerows(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=Help)
    p.add_argument('skip', choices=['sinc', 'linear', 'none'], help="what the network learns the residual over")
    p.add_argument('stft_weight', type=float, help="the loss's log-STFT term (SpeechLoss; 0: MSE alone)")
    p.add_argument('--kind', default='dcl', help="the 1D up-sampler kind")
    p.add_argument('--data', default='klettres', choices=list(SPEECH_STUDIES),
                   help="the study's recordings (asterisk: speech_g722, for --timed: the printed row names no data)")
    p.add_argument('--epochs', type=int, default=20, help="training epochs")
    p.add_argument('--lr', type=float, default=3e-3, help="maximum learning rate (one-cycle)")
    p.add_argument('--header', action='store_true', help='print the redesign CSV header first')
    p.add_argument('--timed', type=Path, help='append a row per epoch, with its seconds, to this CSV')
    a = p.parse_args()
    warnings.simplefilter('ignore'); torch.set_num_threads(1)
    dls, skip, study = speech_data(data=a.data), None if a.skip == 'none' else a.skip, SPEECH_STUDIES[a.data].name
    cfg = speech_config(a.kind, 0, dls, epochs=a.epochs, lr=a.lr, skip=skip, stft_weight=a.stft_weight, study=study)
    timer, t0 = EpochTimes(), time.time()
    r = speech_fit(cfg, dls, show_progress=False, cbs=[timer])
    if a.timed:
        names, values = r['curves']['names'], r['curves']['values']
        append_rows(a.timed, [dict(study=study, kind=a.kind, seed=0, lr=a.lr, epochs=a.epochs, epoch=i + 1,
                                   epoch_s=round(s, 1), version=SPEECH_VERSION,
                                   **{k: round(v, 4) for k, v in zip(names, vals) if k in PILOT_COLUMNS})
                              for i, (s, vals) in enumerate(zip(timer.times, values))])
    if a.header: print('kind,seed,epochs,lr,skip,stft_weight,lsd,lsd_high,snr,peak2,train_s')
    print(f"{a.kind},0,{a.epochs},{a.lr},{a.skip},{a.stft_weight},{r['lsd']:.4f},{r['lsd_high']:.4f},{r['snr']:.4f},"
          f"{r['peak2']:.3f},{time.time() - t0:.0f}", flush=True)


if __name__ == '__main__': main()
