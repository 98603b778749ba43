package com.example.sloppy;

public class Sloppy {}
