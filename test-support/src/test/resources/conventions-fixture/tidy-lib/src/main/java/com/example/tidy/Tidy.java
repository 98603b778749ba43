package com.example.tidy;

public class Tidy {}
