"""The pilot behind results/pilots/speech_redesign.csv (10a_speech_study): can the speech network beat its references?

Version 1 of the speech study trains `SpeechNet` (the residual over linear x2) with MSE alone. Its seed-0 runs end
with a higher LSD than linear interpolation and a lower SNR than band-limited interpolation: MSE pulls the 4-8 kHz
band towards its conditional mean, and linear interpolation's spectral images fill that band with energy that LSD
rewards. This pilot trains DCL (seed 0, the study's 20 epochs at 3e-3, one thread) with the skip over linear or
band-limited (windowed-sinc) x2, and with or without a multi-resolution log-STFT magnitude term in the loss, and
prints one CSV row per variant:

    .venv/bin/python tools/speech_redesign_pilot.py linear 0.001 >> results/pilots/speech_redesign.csv
"""
import sys, time, warnings
import torch, torch.nn.functional as F
from fastai.learner import Learner
from fastai.losses import MSELossFlat
from fastai.torch_core import set_seed
from pixeldcl_nb.speech_study import speech_data, SpeechNet, lsd, lsd_high, snr, speech_evaluate


def sinc_kernel(half: int = 32, beta: float = 8.0) -> torch.Tensor:
    "Band-limited x2 as a filter over the zero-stuffed input: a Kaiser-windowed sinc cutting at the input's Nyquist."
    n = torch.arange(-2 * half + 1, 2 * half, dtype=torch.float32)
    return (torch.special.sinc(n / 2) * torch.kaiser_window(len(n), periodic=False, beta=beta)).view(1, 1, -1)


class SincNet(SpeechNet):
    "`SpeechNet` learning the residual over windowed-sinc (band-limited) x2 instead of linear x2."
    def __init__(self, *a, **k):
        super().__init__(*a, **k); self.register_buffer('h', sinc_kernel())

    def forward(self, x):
        z = torch.zeros(*x.shape[:-1], 2 * x.shape[-1], dtype=x.dtype, device=x.device); z[..., ::2] = x
        return self.tail(self.up(self.head(x))) + F.conv1d(z, self.h, padding=self.h.shape[-1] // 2)


def mr_logmag(p, t, ffts=(256, 512, 1024)):
    "Mean over three STFT sizes of the L1 distance of log magnitudes (natural log, floored at 1e-5)."
    p, t, out = p.reshape(-1, p.shape[-1]).float(), t.reshape(-1, t.shape[-1]).float(), 0.
    for n in ffts:
        w = torch.hann_window(n, device=p.device)
        mag = lambda y: torch.stft(y, n, n // 4, window=w, return_complex=True).abs()
        out = out + (torch.log(mag(p) + 1e-5) - torch.log(mag(t) + 1e-5)).abs().mean()
    return out / len(ffts)


def main(skip: str, lam: float, header: bool = False):
    warnings.simplefilter('ignore'); torch.set_num_threads(1)
    dls = speech_data()
    set_seed(0, reproducible=True)
    model = (SincNet if skip == 'sinc' else SpeechNet)('dcl')
    mse = MSELossFlat()
    loss = (lambda p, t: mse(p, t) + lam * mr_logmag(p, t)) if lam else mse
    learn, t0 = Learner(dls, model, loss_func=loss, metrics=[lsd, lsd_high, snr]), time.time()
    with learn.no_bar(): learn.fit_one_cycle(20, 3e-3)
    m = speech_evaluate(learn.model, dls.valid)
    if header: print('kind,seed,epochs,lr,skip,stft_weight,lsd,lsd_high,snr,peak2,train_s')
    print(f"dcl,0,20,0.003,{skip},{lam},{m['lsd']:.4f},{m['lsd_high']:.4f},{m['snr']:.4f},{m['peak2']:.3f},"
          f"{time.time() - t0:.0f}", flush=True)


if __name__ == '__main__': main(sys.argv[1], float(sys.argv[2]), '--header' in sys.argv)
